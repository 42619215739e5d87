package com.launcher.host.security;

import java.io.IOException;

import com.launcher.host.web.DatabaseUnavailableFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A person's credentials could not be checked because the user directory did not answer:
 * 503 with {@code Retry-After}, not the 401 that would say the password is wrong.
 * Anything else goes to the usual entry point.
 */
class UnavailableAwareEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint delegate;

	UnavailableAwareEntryPoint(AuthenticationEntryPoint delegate) {
		this.delegate = delegate;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		if (exception instanceof InternalAuthenticationServiceException
				&& DatabaseUnavailableFilter.isDatabaseOutage(exception)) {
			DatabaseUnavailableFilter.write(request, response);
			return;
		}
		this.delegate.commence(request, response, exception);
	}

}
