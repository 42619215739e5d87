package com.launcher.host.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a signed-out browser to the sign-in page, and says why when its session is gone:
 * a page request (GET or HEAD) that presented a session cookie the host no longer knows
 * (expired, signed out elsewhere, or ended because its user was blocked) goes to
 * {@code /login?expired}, so the person reads "your session has expired" instead of a
 * bare sign-in form. Only the redirect's address changes: REST requests keep their 401
 * (they have their own entry point), and unsafe requests are refused by CSRF (403) before
 * they reach this.
 */
final class ExpiredSessionEntryPoint extends LoginUrlAuthenticationEntryPoint {

	static final String LOGIN = "/login";

	static final String EXPIRED = LOGIN + "?expired";

	ExpiredSessionEntryPoint() {
		super(LOGIN);
	}

	@Override
	protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) {
		return sessionGone(request) ? EXPIRED : LOGIN;
	}

	static boolean sessionGone(HttpServletRequest request) {
		boolean page = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return page && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

}
