package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A client the authorization server knows: registered by RFC 7591, or known by its
 * metadata document (its client id is the document's URL).
 *
 * @param clientId the client id
 * @param kind how it became known
 * @param clientName the name shown on the consent page
 * @param redirectUris where codes may be sent (loopback ones match any port, RFC 8252)
 * @param registeredFrom the source (address or /64) that registered it, for DCR
 * @param createdAt when it was registered or first fetched
 * @param fetchedAt when its metadata document was last fetched
 * @param lastUsedAt when a token was last issued to it
 * @param expiresAt when an unused registration is forgotten; {@code null} once used
 */
public record OAuthClient(String clientId, Kind kind, String clientName, List<String> redirectUris,
		String registeredFrom, Instant createdAt, Instant fetchedAt, Instant lastUsedAt, Instant expiresAt) {

	public OAuthClient {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(clientName, "clientName");
		Objects.requireNonNull(createdAt, "createdAt");
		redirectUris = List.copyOf(redirectUris);
		if (redirectUris.isEmpty()) {
			throw new IllegalArgumentException("a client has at least one redirect URI");
		}
	}

	/** Whether a presented redirect URI is one of this client's (RFC 6749 §3.1.2.3). */
	public boolean allowsRedirect(String presented) {
		return this.redirectUris.stream().anyMatch((registered) -> RedirectUris.matches(registered, presented));
	}

	/** How a client became known. */
	public enum Kind {

		/** Dynamic Client Registration (RFC 7591). */
		REGISTERED,
		/** A Client ID Metadata Document: the client id is the document's HTTPS URL. */
		METADATA_DOCUMENT

	}

}
