package com.launcher.host.api.web;

import java.util.Objects;

/**
 * A token presented in an {@code Authorization: Bearer} header and what the host knows of
 * the request that carried it.
 *
 * @param token the raw token; never log it ({@link #toString()} hides it)
 * @param clientAddress the client's address, taken from trusted proxy headers only
 * @param requestId the host's id for this request, for audit correlation
 * @param method the HTTP method
 * @param path the request path
 */
public record BearerTokenRequest(String token, String clientAddress, String requestId, String method, String path) {

	public BearerTokenRequest {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(clientAddress, "clientAddress");
		Objects.requireNonNull(requestId, "requestId");
	}

	@Override
	public String toString() {
		return "BearerTokenRequest[token=<hidden>, clientAddress=" + this.clientAddress + ", requestId="
				+ this.requestId + ", method=" + this.method + ", path=" + this.path + "]";
	}

}
