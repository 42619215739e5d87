package com.launcher.e2e.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

/**
 * The Nimbus OAuth SDK as a client of the gateway's authorization server: discovery from
 * the MCP endpoint's challenge, registration, authorization requests with PKCE and the
 * resource indicator, and the token endpoint. Every answer is kept as the SDK parsed it,
 * with the host's request id for audit checks.
 */
final class OAuthClients {

	static final String MCP = "/plugins/agent-gateway/mcp";

	private OAuthClients() {
	}

	/** The MCP endpoint's URL: the resource every token is for. */
	static URI resource(LauncherNode node) {
		return node.uri(MCP);
	}

	/**
	 * Discovery as an MCP client does it: the 401 challenge names the protected resource
	 * metadata, which names the authorization server, whose RFC 8414 metadata is at the
	 * path-insertion form.
	 */
	static AuthorizationServerMetadata discover(LauncherNode node) {
		HttpResponse<String> challenge = node.mcp(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
		String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
		String metadataUrl = header.replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
		String issuer = LauncherNode.json(node.send(node.anonymous(URI.create(metadataUrl).getPath())))
			.get("authorization_servers")
			.get(0)
			.asString();
		URI issuerUri = URI.create(issuer);
		String wellKnown = "/.well-known/oauth-authorization-server" + issuerUri.getPath();
		try {
			return AuthorizationServerMetadata.parse(node.send(node.anonymous(wellKnown)).body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Registers a public client with RFC 7591, as MCP clients do. */
	static Registered register(AuthorizationServerMetadata metadata, String name, URI redirectUri) {
		ClientMetadata client = new ClientMetadata();
		client.setName(name);
		client.setRedirectionURI(redirectUri);
		client.setTokenEndpointAuthMethod(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.NONE);
		client.setGrantTypes(java.util.Set.of(com.nimbusds.oauth2.sdk.GrantType.AUTHORIZATION_CODE,
				com.nimbusds.oauth2.sdk.GrantType.REFRESH_TOKEN));
		HTTPResponse response = send(
				new ClientRegistrationRequest(metadata.getRegistrationEndpointURI(), client, null).toHTTPRequest());
		try {
			ClientRegistrationResponse parsed = ClientRegistrationResponse.parse(response);
			if (!parsed.indicatesSuccess()) {
				throw new IllegalStateException("registration refused: " + response.getBody());
			}
			return new Registered(((ClientInformationResponse) parsed).getClientInformation(), response);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An authorization request with PKCE S256 and the resource indicator. */
	static URI authorizationUrl(AuthorizationServerMetadata metadata, String clientId, URI redirectUri,
			CodeVerifier verifier, URI resource, State state) {
		return new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(clientId)).redirectionURI(redirectUri)
			.scope(new Scope("tasker"))
			.state(state)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.resources(resource)
			.endpointURI(metadata.getAuthorizationEndpointURI())
			.build()
			.toURI();
	}

	static Answer exchange(AuthorizationServerMetadata metadata, String clientId, String code, URI redirectUri,
			CodeVerifier verifier, URI resource) {
		return token(metadata, clientId, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier),
				resource);
	}

	static Answer refresh(AuthorizationServerMetadata metadata, String clientId, String refreshToken, URI resource) {
		return token(metadata, clientId, new RefreshTokenGrant(new RefreshToken(refreshToken)), resource);
	}

	static Answer token(AuthorizationServerMetadata metadata, String clientId, AuthorizationGrant grant, URI resource) {
		TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(), new ClientID(clientId), grant)
			.resources((resource != null) ? new URI[] { resource } : new URI[0])
			.build();
		HTTPResponse response = send(request.toHTTPRequest());
		try {
			return new Answer(TokenResponse.parse(response), response);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("not a token response: " + response.getBody(), ex);
		}
	}

	static HTTPResponse send(com.nimbusds.oauth2.sdk.http.HTTPRequest request) {
		try {
			return request.send();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Audit events with the host's request id of a response. */
	static List<Map<String, Object>> audit(LauncherCluster cluster, HTTPResponse response) {
		String requestId = response.getHeaderValue("X-Request-Id");
		return cluster.jdbc()
			.queryForList("SELECT action, outcome, reason, agent_id, owner_user_id, target_id, token_id"
					+ " FROM agw_audit_event WHERE request_id = ?", requestId);
	}

	/**
	 * Rows that hold something a client could use: access tokens, refresh tokens, codes.
	 */
	static long issuedRows(LauncherCluster cluster) {
		return cluster.jdbc()
			.queryForObject("SELECT (SELECT count(*) FROM agw_token) + (SELECT count(*) FROM agw_oauth_refresh_token)"
					+ " + (SELECT count(*) FROM agw_oauth_code)", Long.class);
	}

	static UUID agentNamed(LauncherCluster cluster, UUID owner, String name) {
		return cluster.jdbc()
			.queryForObject("SELECT id FROM agw_agent WHERE owner_user_id = ? AND name = ?", UUID.class, owner, name);
	}

	/**
	 * A registered client.
	 *
	 * @param information what the server answered
	 * @param response the raw answer
	 */
	record Registered(ClientInformation information, HTTPResponse response) {

		String clientId() {
			return this.information.getID().getValue();
		}

	}

	/**
	 * A token endpoint answer.
	 *
	 * @param parsed as the SDK parsed it
	 * @param response the raw answer
	 */
	record Answer(TokenResponse parsed, HTTPResponse response) {

		String accessToken() {
			return this.parsed.toSuccessResponse().getTokens().getAccessToken().getValue();
		}

		String refreshToken() {
			return this.parsed.toSuccessResponse().getTokens().getRefreshToken().getValue();
		}

		String error() {
			return this.parsed.indicatesSuccess() ? null : this.parsed.toErrorResponse().getErrorObject().getCode();
		}

	}

}
