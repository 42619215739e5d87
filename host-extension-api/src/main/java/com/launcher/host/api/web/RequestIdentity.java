package com.launcher.host.api.web;

import java.net.URI;
import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;

/**
 * Who is calling, for the request served on the current thread. Human callers come from
 * the host's login (form, JWT, or HTTP Basic in demo mode); bearer callers from the
 * plugin's own introspector.
 */
public interface RequestIdentity {

	/** The human Launcher user behind the current request, when there is one. */
	Optional<LauncherUser> currentUser();

	/**
	 * The principal the plugin's introspector returned for the current request.
	 * @param <T> the principal type
	 * @param type the expected principal class
	 * @return the principal, or empty when the request was not bearer-authenticated
	 */
	<T> Optional<T> bearerPrincipal(Class<T> type);

	/** The host's id for the current request, or {@code "-"} outside a request. */
	String requestId();

	/** The client address from trusted proxy headers only, or {@code "-"}. */
	String clientAddress();

	/**
	 * The external base URL of the current request, without a trailing slash, for
	 * absolute URLs a client must use (an OAuth issuer, RFC 8414 §2; a redirect; a
	 * resource identifier, RFC 9728 §3.3): the host's configured public URL when it has
	 * one, else the scheme, host, port and context path of the request, where forwarded
	 * headers count only from trusted proxies. Outside a request: the configured public
	 * URL, or {@link IllegalStateException}.
	 * @return the base URL, for example {@code https://launcher.example.com}
	 */
	URI baseUrl();

}
