package com.launcher.agentgateway.oauth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.RequestContext;

/**
 * The clients of the authorization server: Dynamic Client Registration (RFC 7591),
 * bounded per source and day, whose unused registrations expire; and clients known by
 * their metadata document, fetched when a person is asked to consent and cached. Only
 * public clients exist: every client authenticates with PKCE, none with a secret.
 */
public class ClientRegistry {

	/** The name shown for a client that gave none. */
	public static final String UNNAMED = "Unnamed client";

	private static final int MAX_NAME = 100;

	private static final int MAX_CLIENT_ID = 200;

	private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

	private final OAuthClientStore store;

	private final ClientMetadataDocuments documents;

	private final OAuthSettings settings;

	private final AuditLog audit;

	private final RequestContext request;

	private final Clock clock;

	public ClientRegistry(OAuthClientStore store, ClientMetadataDocuments documents, OAuthSettings settings,
			AuditLog audit, RequestContext request, Clock clock) {
		this.store = store;
		this.documents = documents;
		this.settings = settings;
		this.audit = audit;
		this.request = request;
		this.clock = clock;
	}

	/** Whether metadata documents are fetched (published in the server metadata). */
	public boolean metadataDocumentsEnabled() {
		return this.settings.metadataDocuments();
	}

	/**
	 * Registers a client (RFC 7591 §3.1). Writes the request's one audit event.
	 * @param metadata what the client asked for
	 * @return the registered client
	 * @throws OAuthException {@code invalid_client_metadata},
	 * {@code invalid_redirect_uri}, or the registration limit
	 */
	public OAuthClient register(ClientMetadata metadata) {
		Instant now = this.clock.instant();
		String source = sourceOf(this.request.clientAddress());
		try {
			checkPublicClient(metadata, OAuthError.INVALID_CLIENT_METADATA);
			RedirectUris.validate(metadata.redirectUris());
			Scopes.grant(metadata.scope(), OAuthError.INVALID_CLIENT_METADATA);
			String name = displayName(metadata.clientName());
			// Checked last, so that a malformed request spends nothing.
			if (!this.store.tryConsumeRegistration(source, now.atZone(ZoneOffset.UTC).toLocalDate(),
					this.settings.registrationsPerSourcePerDay())) {
				throw new OAuthException(OAuthError.REGISTRATION_LIMITED, "registration_limit",
						"Too many client registrations from this network today. Try again tomorrow.");
			}
			this.store.deleteExpired(now, 100);
			OAuthClient client = new OAuthClient(UUID.randomUUID().toString(), OAuthClient.Kind.REGISTERED, name,
					metadata.redirectUris(), source, now, null, null, now.plus(this.settings.unusedClientLifetime()));
			this.store.insert(client);
			audit("oauth.register", Outcome.SUCCEEDED, null, client.clientId(), source);
			return client;
		}
		catch (OAuthException ex) {
			audit("oauth.register", Outcome.DENIED, ex.reason(), null, source);
			throw ex;
		}
	}

	/**
	 * Audits a registration request the web edge could not parse; nothing is stored.
	 * @return the refusal, to answer with
	 */
	public OAuthException refusedAtEdge(OAuthException error) {
		audit("oauth.register", Outcome.DENIED, error.reason(), null, sourceOf(this.request.clientAddress()));
		return error;
	}

	/**
	 * The client of an authorization request: a registered one, or one known by its
	 * metadata document, fetched again when the cached copy is older than the setting.
	 * The caller audits.
	 * @throws OAuthException {@code invalid_client} when it is unknown or its document
	 * cannot be used
	 */
	public OAuthClient resolve(String clientId) {
		if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
			throw unknownClient();
		}
		Instant now = this.clock.instant();
		Optional<OAuthClient> stored = this.store.find(clientId, now);
		if (!ClientMetadataDocuments.isDocumentUrl(clientId)) {
			return stored.orElseThrow(ClientRegistry::unknownClient);
		}
		if (!this.settings.metadataDocuments()) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "metadata_documents_disabled",
					"This server does not accept client metadata documents; register the client instead.");
		}
		if (stored.isPresent() && stored.get().fetchedAt() != null
				&& now.isBefore(stored.get().fetchedAt().plus(this.settings.metadataCacheFor()))) {
			return stored.get();
		}
		ClientMetadata document = this.documents.fetch(clientId);
		// The document must name itself (CIMD: client_id equals the URL it was fetched
		// from), or anyone could serve someone else's identity.
		if (!clientId.equals(document.clientId())) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "metadata_client_id_mismatch",
					"The client metadata document does not name its own URL as client_id.");
		}
		checkPublicClient(document, OAuthError.INVALID_CLIENT);
		try {
			RedirectUris.validate(document.redirectUris());
		}
		catch (OAuthException ex) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "metadata_" + ex.reason(), ex.description());
		}
		OAuthClient client = new OAuthClient(clientId, OAuthClient.Kind.METADATA_DOCUMENT,
				displayName(document.clientName()), document.redirectUris(), null,
				stored.map(OAuthClient::createdAt).orElse(now), now, stored.map(OAuthClient::lastUsedAt).orElse(null),
				null);
		this.store.saveDocumentClient(client);
		return client;
	}

	/**
	 * A client the server already knows, for the token and revocation endpoints, which
	 * never fetch anything.
	 */
	public Optional<OAuthClient> known(String clientId) {
		if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
			return Optional.empty();
		}
		return this.store.find(clientId, this.clock.instant());
	}

	/**
	 * The client of a token or revocation request: a known public one that sent no
	 * credentials.
	 * @param clientId the {@code client_id}
	 * @param clientAuthentication whether the request carried client credentials
	 * @return the client
	 * @throws OAuthException {@code invalid_client} otherwise
	 */
	public OAuthClient requirePublicClient(String clientId, boolean clientAuthentication) {
		if (clientAuthentication) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "client_authentication_unsupported",
					"Clients of this server are public: authenticate with PKCE, not with a secret.");
		}
		if (clientId == null || clientId.isEmpty()) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "client_id_missing", "The client_id is missing.");
		}
		return known(clientId).orElseThrow(ClientRegistry::unknownClient);
	}

	/** Records that a token was issued to the client. */
	public void markUsed(String clientId) {
		this.store.markUsed(clientId, this.clock.instant());
	}

	/**
	 * The source a registration is counted against: the address, or for IPv6 its /64,
	 * since one host commonly holds a whole /64.
	 */
	public static String sourceOf(String address) {
		if (address == null || address.isEmpty() || address.equals("-")) {
			return "-";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				StringBuilder prefix = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return prefix.append(":/64").toString();
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException | RuntimeException ex) {
			return address.length() > 64 ? address.substring(0, 64) : address;
		}
	}

	private static void checkPublicClient(ClientMetadata metadata, OAuthError error) {
		// Only public clients (MCP authorization: clients are native apps that cannot
		// keep a secret); an absent method is read as "none" rather than RFC 7591's
		// default.
		String method = metadata.tokenEndpointAuthMethod();
		if (method != null && !method.equals("none")) {
			throw new OAuthException(error, "client_auth_method_unsupported",
					"Only public clients are supported: token_endpoint_auth_method must be none.");
		}
		if (!GRANT_TYPES.containsAll(metadata.grantTypes())) {
			throw new OAuthException(error, "grant_type_unsupported",
					"Only the authorization_code and refresh_token grant types are supported.");
		}
		if (!metadata.grantTypes().isEmpty() && !metadata.grantTypes().contains("authorization_code")) {
			throw new OAuthException(error, "grant_type_unsupported", "The authorization_code grant type is required.");
		}
		if (!Set.of("code").containsAll(metadata.responseTypes())) {
			throw new OAuthException(error, "response_type_unsupported", "Only the code response type is supported.");
		}
	}

	/**
	 * The name to show a person: control, format and bidirectional characters removed (a
	 * name could otherwise pose as another one), cut to 100 characters.
	 */
	static String displayName(String name) {
		if (name == null) {
			return UNNAMED;
		}
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
					&& type != Character.UNASSIGNED && type != Character.SURROGATE) {
				clean.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
			}
		});
		String result = clean.toString().strip().replaceAll(" {2,}", " ");
		if (result.isEmpty()) {
			return UNNAMED;
		}
		return (result.length() > MAX_NAME) ? result.substring(0, MAX_NAME) : result;
	}

	private void audit(String action, Outcome outcome, String reason, String clientId, String source) {
		AuditEvent.Builder event = AuditEvent.builder(action, outcome)
			.at(this.clock.instant())
			.actor(ActorType.AGENT, null)
			.reason(reason)
			.request(this.request.requestId(), this.request.clientAddress())
			.detail("source", source);
		if (clientId != null) {
			event.target("oauth_client", clientId);
		}
		this.audit.append(event.build());
	}

	private static OAuthException unknownClient() {
		return new OAuthException(OAuthError.INVALID_CLIENT, "unknown_client", "The client is not known.");
	}

}
