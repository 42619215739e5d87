package com.launcher.agentgateway.web.oauth;

import java.net.URI;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.oauth.ClientMetadata;
import com.launcher.agentgateway.oauth.ClientRegistry;
import com.launcher.agentgateway.oauth.IssuedTokens;
import com.launcher.agentgateway.oauth.OAuthConnections;
import com.launcher.agentgateway.oauth.OAuthClient;
import com.launcher.agentgateway.oauth.OAuthError;
import com.launcher.agentgateway.oauth.OAuthException;
import com.launcher.agentgateway.oauth.PkceProof;
import com.launcher.agentgateway.oauth.Scopes;
import com.launcher.agentgateway.oauth.TokenEndpoint;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The endpoints clients call without a person: token (RFC 6749 §3.2), registration (RFC
 * 7591 §3) and revocation (RFC 7009 §2). The host serves them as public routes (no login,
 * session, CSRF or bearer); clients prove themselves by PKCE and by holding the tokens
 * issued to them. The Nimbus SDK parses every request and writes every answer.
 */
@Controller
public class OAuthEndpointController {

	/**
	 * A form-encoded token or revocation request is small; anything larger is refused.
	 */
	static final int MAX_FORM_BYTES = 8 * 1024;

	/** A registration request carries a few URIs and names. */
	static final int MAX_REGISTRATION_BYTES = 16 * 1024;

	/** The paths the host serves without login, session, CSRF or bearer. */
	public static final List<String> PUBLIC_PATHS = List.of("/oauth/token", "/oauth/register", "/oauth/revoke");

	private static final Logger logger = LoggerFactory.getLogger(OAuthEndpointController.class);

	private final TokenEndpoint tokens;

	private final OAuthConnections connections;

	private final ClientRegistry clients;

	private final Supplier<OAuthUrls> urls;

	private final FailureNames failures;

	public OAuthEndpointController(TokenEndpoint tokens, OAuthConnections connections, ClientRegistry clients,
			Supplier<OAuthUrls> urls, FailureNames failures) {
		this.tokens = tokens;
		this.connections = connections;
		this.clients = clients;
		this.urls = urls;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	@PostMapping("/oauth/token")
	@ResponseBody
	public ResponseEntity<String> token(HttpServletRequest request) {
		OAuthUrls urls = this.urls.get();
		TokenRequest parsed;
		try {
			HTTPRequest message = NimbusMessages.read(request, urls.tokenEndpoint(), MAX_FORM_BYTES);
			try {
				parsed = TokenRequest.parse(message);
			}
			catch (ParseException ex) {
				throw NimbusMessages.malformed(ex, "malformed_token_request");
			}
		}
		catch (OAuthException ex) {
			return tokenError(this.tokens.refusedAtEdge(false, ex));
		}
		boolean clientAuthentication = parsed.getClientAuthentication() != null;
		String clientId = clientAuthentication ? parsed.getClientAuthentication().getClientID().getValue()
				: (parsed.getClientID() != null) ? parsed.getClientID().getValue() : null;
		List<String> resources = (parsed.getResources() != null)
				? parsed.getResources().stream().map(URI::toString).toList() : List.of();
		AuthorizationGrant grant = parsed.getAuthorizationGrant();
		try {
			IssuedTokens issued;
			if (grant instanceof AuthorizationCodeGrant codeGrant) {
				PkceProof proof = (codeGrant.getCodeVerifier() != null)
						? new PkceProof(true,
								CodeChallenge.compute(CodeChallengeMethod.S256, codeGrant.getCodeVerifier()).getValue())
						: PkceProof.missing();
				issued = this.tokens.exchangeCode(clientId, clientAuthentication,
						codeGrant.getAuthorizationCode().getValue(),
						(codeGrant.getRedirectionURI() != null) ? codeGrant.getRedirectionURI().toString() : null,
						proof, resources, urls.resource());
			}
			else if (grant instanceof RefreshTokenGrant refreshGrant) {
				Set<String> scope = (parsed.getScope() != null) ? new LinkedHashSet<>(parsed.getScope().toStringList())
						: null;
				issued = this.tokens.refresh(clientId, clientAuthentication, refreshGrant.getRefreshToken().getValue(),
						scope, resources, urls.resource());
			}
			else {
				throw this.tokens.refusedAtEdge(false,
						new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type_unsupported",
								"Only the authorization_code and refresh_token grant types are supported."));
			}
			AccessTokenResponse response = new AccessTokenResponse(new Tokens(
					new BearerAccessToken(issued.accessToken(), issued.expiresInSeconds(), new Scope(issued.scope())),
					new RefreshToken(issued.refreshToken())));
			return NimbusMessages.write(response.toHTTPResponse());
		}
		catch (OAuthException ex) {
			logCannotDecide(ex);
			return tokenError(ex);
		}
	}

	@PostMapping("/oauth/register")
	@ResponseBody
	public ResponseEntity<String> register(HttpServletRequest request) {
		ClientMetadata metadata;
		try {
			HTTPRequest message = NimbusMessages.read(request, this.urls.get().registrationEndpoint(),
					MAX_REGISTRATION_BYTES);
			try {
				metadata = NimbusMessages.clientMetadata(ClientRegistrationRequest.parse(message).getClientMetadata(),
						null);
			}
			catch (ParseException ex) {
				OAuthException malformed = NimbusMessages.malformed(ex, "malformed_registration");
				throw (malformed.error() == OAuthError.INVALID_REDIRECT_URI) ? malformed
						: new OAuthException(OAuthError.INVALID_CLIENT_METADATA, "malformed_registration",
								"The client metadata is not valid.");
			}
		}
		catch (OAuthException ex) {
			return registrationError(this.clients.refusedAtEdge(ex));
		}
		try {
			OAuthClient client = this.clients.register(metadata);
			com.nimbusds.oauth2.sdk.client.ClientMetadata registered = new com.nimbusds.oauth2.sdk.client.ClientMetadata();
			registered
				.setRedirectionURIs(new LinkedHashSet<>(client.redirectUris().stream().map(URI::create).toList()));
			registered.setName(client.clientName());
			registered
				.setGrantTypes(new LinkedHashSet<>(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)));
			registered.setResponseTypes(Set.of(ResponseType.CODE));
			registered.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
			registered.setScope(new Scope(Scopes.TASKER));
			ClientInformation information = new ClientInformation(new ClientID(client.clientId()),
					Date.from(client.createdAt()), registered, null);
			return NimbusMessages.write(new ClientInformationResponse(information, true).toHTTPResponse());
		}
		catch (OAuthException ex) {
			return registrationError(ex);
		}
	}

	@PostMapping("/oauth/revoke")
	@ResponseBody
	public ResponseEntity<String> revoke(HttpServletRequest request) {
		TokenRevocationRequest parsed;
		try {
			HTTPRequest message = NimbusMessages.read(request, this.urls.get().revocationEndpoint(), MAX_FORM_BYTES);
			try {
				parsed = TokenRevocationRequest.parse(message);
			}
			catch (ParseException ex) {
				throw NimbusMessages.malformed(ex, "malformed_revocation");
			}
		}
		catch (OAuthException ex) {
			return tokenError(this.tokens.refusedAtEdge(true, ex));
		}
		boolean clientAuthentication = parsed.getClientAuthentication() != null;
		String clientId = clientAuthentication ? parsed.getClientAuthentication().getClientID().getValue()
				: (parsed.getClientID() != null) ? parsed.getClientID().getValue() : null;
		try {
			this.connections.revoke(clientId, clientAuthentication, parsed.getToken().getValue());
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
		}
		catch (OAuthException ex) {
			logCannotDecide(ex);
			return tokenError(ex);
		}
	}

	private static ResponseEntity<String> tokenError(OAuthException ex) {
		ResponseEntity<String> response = NimbusMessages
			.write(new TokenErrorResponse(NimbusMessages.error(ex)).toHTTPResponse());
		if (ex.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
			return ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.header("Retry-After", "5")
				.body(response.getBody());
		}
		return response;
	}

	private static ResponseEntity<String> registrationError(OAuthException ex) {
		ResponseEntity<String> response = NimbusMessages
			.write(new ClientRegistrationErrorResponse(NimbusMessages.error(ex)).toHTTPResponse());
		if (ex.error() == OAuthError.REGISTRATION_LIMITED) {
			return ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.header("Retry-After", "3600")
				.body(response.getBody());
		}
		return response;
	}

	// Never the token or the exception's text: its type, and a database's SQLState.
	private void logCannotDecide(OAuthException ex) {
		if (ex.getCause() != null) {
			logger.warn("OAuth request refused: cannot decide ({})", this.failures.of(ex.getCause()));
		}
	}

}
