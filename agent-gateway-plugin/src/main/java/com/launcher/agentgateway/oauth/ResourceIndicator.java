package com.launcher.agentgateway.oauth;

import java.util.List;

/**
 * The resource of a grant (RFC 8707 §2): none means the one the grant is for; more than
 * one, or another, is {@code invalid_target}. The gateway has one resource, the MCP
 * endpoint, so that is what a grant is for.
 */
final class ResourceIndicator {

	private ResourceIndicator() {
	}

	static String resource(List<String> requested, String granted, String expectedResource) {
		if (requested.isEmpty()) {
			return granted;
		}
		if (requested.size() > 1 || !sameResource(requested.get(0), granted)
				|| !sameResource(requested.get(0), expectedResource)) {
			throw new OAuthException(OAuthError.INVALID_TARGET, "resource_mismatch",
					"The resource is not this server's MCP endpoint.");
		}
		return granted;
	}

	private static boolean sameResource(String a, String b) {
		return strip(a).equals(strip(b));
	}

	private static String strip(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
