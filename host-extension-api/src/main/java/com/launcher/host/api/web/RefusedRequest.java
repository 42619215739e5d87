package com.launcher.host.api.web;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to one of a plugin's routes that the host refused before the plugin saw it.
 *
 * @param requestId the host's id for the request (its {@code X-Request-Id})
 * @param method the HTTP method
 * @param path the request path within the application, for example
 * {@code /plugins/agent-gateway/oauth/authorize}
 * @param userId the signed-in Launcher user whose session carried the request, or
 * {@code null} when none
 * @param clientAddress the client's address, taken from trusted proxy headers only
 * @param reason a stable code for the refusal, such as {@link #CSRF_INVALID}
 */
public record RefusedRequest(String requestId, String method, String path, UUID userId, String clientAddress,
		String reason) {

	/**
	 * The request carried a session but no CSRF token, or a wrong one: a forged
	 * cross-site request, or a page left open across a sign-in.
	 */
	public static final String CSRF_INVALID = "csrf_invalid";

	public RefusedRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(clientAddress, "clientAddress");
		Objects.requireNonNull(reason, "reason");
	}

	/** The signed-in user, when the request had one. */
	public Optional<UUID> user() {
		return Optional.ofNullable(this.userId);
	}

}
