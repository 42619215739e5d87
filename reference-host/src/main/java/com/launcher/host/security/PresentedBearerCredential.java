package com.launcher.host.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A bearer credential as the client presented it, before a plugin's introspector has
 * looked at it. Unlike Spring's resolver, which refuses a malformed header before any
 * introspector sees it, every {@code Authorization: Bearer} header becomes one of these,
 * so the plugin counts and audits garbage as well (issue A1: every request leaves an
 * event).
 */
final class PresentedBearerCredential extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient String credential;

	private PresentedBearerCredential(String credential) {
		super(List.of());
		this.credential = credential;
	}

	/**
	 * The credential of a request's {@code Authorization} header when its scheme is
	 * {@code Bearer}.
	 * @param request the request
	 * @return the credential (possibly empty or malformed), or {@code null} when the
	 * request presents no bearer credential
	 */
	static PresentedBearerCredential from(HttpServletRequest request) {
		String credential = credential(request.getHeader("Authorization"));
		return (credential != null) ? new PresentedBearerCredential(credential) : null;
	}

	/**
	 * The credential after a {@code Bearer} scheme, or {@code null} for another scheme.
	 * RFC 7235 §2.1: the scheme is case-insensitive; RFC 6750 §2.1: one or more spaces
	 * separate it from the credential.
	 */
	static String credential(String header) {
		if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
			return null;
		}
		if (header.length() > 6 && header.charAt(6) != ' ') {
			return null;
		}
		int start = 6;
		while (start < header.length() && header.charAt(start) == ' ') {
			start++;
		}
		return header.substring(start);
	}

	String credential() {
		return this.credential;
	}

	@Override
	public Object getCredentials() {
		return this.credential;
	}

	@Override
	public Object getPrincipal() {
		return "";
	}

	@Override
	public String toString() {
		return "PresentedBearerCredential[<hidden>]";
	}

}
