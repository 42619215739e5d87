package com.launcher.host.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.web.RefusedRequest;
import com.launcher.host.web.ClientAddressResolver;
import com.launcher.host.web.HostCurrentUser;
import com.launcher.host.web.RequestIdFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.AntPathMatcher;

/**
 * Answers the session chain's refusals. A missing or wrong CSRF token on a plugin's route
 * is first told to that plugin's refusal listeners, since the plugin never sees the
 * request and would otherwise have nothing to audit (issue 12: every refusal leaves an
 * event); a browser then gets a plain page saying what to do, anything else the host's
 * usual 403.
 */
public class CsrfRefusalHandler implements AccessDeniedHandler {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private static final String PLUGIN_ROUTE = "/plugins/{pluginId}/**";

	// Fixed text only: nothing of the request is echoed into the page.
	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<title>Form refused · Launcher</title>
			<link rel="stylesheet" href="/launcher/static/launcher.css">
			</head>
			<body>
			<main class="narrow">
				<h1>This form was refused</h1>
				<p class="error" role="alert">The form did not carry this session's security token: it came from
				another site, or the page was opened before you last signed in. Nothing was changed.</p>
				<p>Go back, reload the page and submit it again.</p>
			</main>
			</body>
			</html>
			""";

	private final PluginRefusalListeners listeners;

	private final HostCurrentUser currentUser;

	private final ClientAddressResolver clientAddresses;

	private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

	public CsrfRefusalHandler(PluginRefusalListeners listeners, HostCurrentUser currentUser,
			ClientAddressResolver clientAddresses) {
		this.listeners = listeners;
		this.currentUser = currentUser;
		this.clientAddresses = clientAddresses;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (!(denied instanceof CsrfException)) {
			this.otherwise.handle(request, response, denied);
			return;
		}
		String path = SecurityConfiguration.pathOf(request);
		if (PATHS.match(PLUGIN_ROUTE, path)) {
			String pluginId = PATHS.extractUriTemplateVariables(PLUGIN_ROUTE, path).get("pluginId");
			this.listeners.notify(pluginId, refusal(request, path));
		}
		if (wantsPage(request) && !response.isCommitted()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Cache-Control", "no-store");
			response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
			return;
		}
		this.otherwise.handle(request, response, denied);
	}

	private RefusedRequest refusal(HttpServletRequest request, String path) {
		Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
		UUID userId;
		try {
			userId = this.currentUser.get().map(LauncherUser::id).orElse(null);
		}
		catch (RuntimeException ex) {
			// The directory cannot say who it is: the refusal is still reported, unnamed.
			userId = null;
		}
		return new RefusedRequest((id != null) ? id.toString() : "-", request.getMethod(), path, userId,
				this.clientAddresses.resolve(request), RefusedRequest.CSRF_INVALID);
	}

	/** A browser navigating (a form post): it asks for HTML first. */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream()
				.anyMatch((type) -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML) && type.getQualityValue() > 0);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
