package com.launcher.agentgateway.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The redirect URIs the authorization server accepts: HTTPS, or HTTP on a loopback
 * address for native clients (RFC 8252 §7.3), absolute, without fragment or user
 * information. A presented URI matches a registered one exactly, except that a loopback
 * URI may name any port (RFC 8252 §7.3: the client picks a free port at run time).
 */
public final class RedirectUris {

	/** The most redirect URIs one client may register. */
	public static final int MAX_COUNT = 10;

	/** The longest redirect URI accepted. */
	public static final int MAX_LENGTH = 2_000;

	private RedirectUris() {
	}

	/**
	 * Checks the redirect URIs of a registration or a metadata document.
	 * @param uris the URIs
	 * @return them, unchanged
	 * @throws OAuthException {@code invalid_redirect_uri} when one is not acceptable
	 */
	public static List<String> validate(List<String> uris) {
		if (uris == null || uris.isEmpty()) {
			throw invalid("redirect_uris_missing", "At least one redirect URI is required.");
		}
		if (uris.size() > MAX_COUNT) {
			throw invalid("redirect_uris_too_many", "At most 10 redirect URIs may be registered.");
		}
		List<String> valid = new ArrayList<>(uris.size());
		for (String uri : uris) {
			if (!isAcceptable(uri)) {
				throw invalid("redirect_uri_not_allowed",
						"Redirect URIs must be absolute HTTPS URIs, or HTTP URIs on a loopback address,"
								+ " without fragment.");
			}
			valid.add(uri);
		}
		return List.copyOf(valid);
	}

	/** Whether one URI may be registered. */
	public static boolean isAcceptable(String uri) {
		URI parsed = parse(uri);
		if (parsed == null || parsed.getRawFragment() != null || parsed.getRawUserInfo() != null
				|| parsed.getHost() == null) {
			return false;
		}
		String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("https") || (scheme.equals("http") && isLoopbackHost(parsed.getHost()));
	}

	/**
	 * Whether a presented redirect URI matches a registered one: exactly, or, for
	 * loopback HTTP URIs, in everything but the port.
	 */
	public static boolean matches(String registered, String presented) {
		if (registered == null || presented == null) {
			return false;
		}
		if (registered.equals(presented)) {
			return true;
		}
		URI a = parse(registered);
		URI b = parse(presented);
		if (a == null || b == null || b.getRawFragment() != null || b.getRawUserInfo() != null) {
			return false;
		}
		return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && a.getHost() != null
				&& isLoopbackHost(a.getHost()) && a.getHost().equals(b.getHost())
				&& Objects.equals(a.getRawPath(), b.getRawPath()) && Objects.equals(a.getRawQuery(), b.getRawQuery());
	}

	/** Loopback as RFC 8252 §7.3 names it: 127.0.0.1, [::1], and localhost. */
	public static boolean isLoopbackHost(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("localhost");
	}

	private static URI parse(String uri) {
		if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH) {
			return null;
		}
		try {
			URI parsed = new URI(uri);
			return (parsed.isAbsolute() && !parsed.isOpaque()) ? parsed : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static OAuthException invalid(String reason, String description) {
		return new OAuthException(OAuthError.INVALID_REDIRECT_URI, reason, description);
	}

}
