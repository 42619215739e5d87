package com.launcher.host.api.web;

import java.net.URI;
import java.util.Objects;

/**
 * A request for a plugin's well-known document.
 *
 * @param baseUrl the external base URL of the host for this request, without a trailing
 * slash (see {@link RequestIdentity#baseUrl()})
 * @param pluginId the plugin whose document is asked for
 */
public record WellKnownRequest(URI baseUrl, String pluginId) {

	public WellKnownRequest {
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(pluginId, "pluginId");
	}

	/**
	 * The plugin's base URL, {@code {baseUrl}/plugins/{pluginId}}: the issuer identifier
	 * of an authorization server the plugin runs (RFC 8414 §2).
	 * @return the plugin's base URL, without a trailing slash
	 */
	public URI pluginBaseUrl() {
		return URI.create(this.baseUrl + "/plugins/" + this.pluginId);
	}

}
