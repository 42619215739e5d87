package com.launcher.agentgateway.web.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * The authorization server's URLs under one external base URL: the issuer is the plugin's
 * base path, so that its RFC 8414 metadata lives at
 * {@code /.well-known/oauth-authorization-server/plugins/{pluginId}} (path insertion, RFC
 * 8414 §3.1), which is where MCP clients look first.
 *
 * @param baseUrl the external base URL of the host, without a trailing slash
 * @param pluginId the plugin's id
 */
public record OAuthUrls(String baseUrl, String pluginId) {

	public OAuthUrls {
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(pluginId, "pluginId");
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String issuer() {
		return this.baseUrl + "/plugins/" + this.pluginId;
	}

	/** The MCP endpoint: the one resource tokens are issued for (RFC 8707). */
	public String resource() {
		return issuer() + "/mcp";
	}

	public URI authorizationEndpoint() {
		return URI.create(issuer() + "/oauth/authorize");
	}

	public URI tokenEndpoint() {
		return URI.create(issuer() + "/oauth/token");
	}

	public URI registrationEndpoint() {
		return URI.create(issuer() + "/oauth/register");
	}

	public URI revocationEndpoint() {
		return URI.create(issuer() + "/oauth/revoke");
	}

}
