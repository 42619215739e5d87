package com.launcher.host.api.web;

import java.util.Objects;

/**
 * A token presented in an {@code Authorization: Bearer} header and what the host knows of
 * the request that carried it.
 *
 * @param token the raw credential after the scheme, exactly as presented (it may be empty
 * or malformed: the host passes every presented credential on, so the plugin can count
 * and audit it); never log it ({@link #toString()} hides it)
 * @param clientAddress the client's address, taken from trusted proxy headers only
 * @param requestId the host's id for this request, for audit correlation
 * @param method the HTTP method
 * @param path the request path
 * @param hostRejection {@code null}, or a stable reason (such as
 * {@link #REQUEST_REJECTED}) for which the host refuses the request whatever the
 * introspector answers. Nothing else of such a request reaches the plugin, so an
 * introspector that finds the token active audits the refusal itself.
 */
public record BearerTokenRequest(String token, String clientAddress, String requestId, String method, String path,
		String hostRejection) {

	/**
	 * The host's HTTP firewall refused the request (a malformed URL, header value or
	 * method) before it could be served.
	 */
	public static final String REQUEST_REJECTED = "request_rejected";

	public BearerTokenRequest {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(clientAddress, "clientAddress");
		Objects.requireNonNull(requestId, "requestId");
	}

	/**
	 * A request the host will serve when the token is active.
	 * @param token the raw credential
	 * @param clientAddress the client's address
	 * @param requestId the host's request id
	 * @param method the HTTP method
	 * @param path the request path
	 */
	public BearerTokenRequest(String token, String clientAddress, String requestId, String method, String path) {
		this(token, clientAddress, requestId, method, path, null);
	}

	@Override
	public String toString() {
		return "BearerTokenRequest[token=<hidden>, clientAddress=" + this.clientAddress + ", requestId="
				+ this.requestId + ", method=" + this.method + ", path=" + this.path + ", hostRejection="
				+ this.hostRejection + "]";
	}

}
