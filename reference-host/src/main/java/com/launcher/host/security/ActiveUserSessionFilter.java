package com.launcher.host.security;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks, on every request of a form-login session, that its user may still act (issue
 * 12 point 3): a session holds the roles fixed at sign-in, so a blocked or annulled user,
 * or a demo user once demo mode is off, would otherwise keep them. Such a session is
 * ended and the request goes on as anonymous (a login redirect for pages, 401 for APIs);
 * otherwise the request runs with the user's current roles.
 */
class ActiveUserSessionFilter extends OncePerRequestFilter {

	private final SignInPolicy users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ActiveUserSessionFilter(SignInPolicy users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication instanceof UsernamePasswordAuthenticationToken session && session.isAuthenticated()) {
			Optional<LauncherUser> user = this.users.activeUser(session.getName());
			if (user.isEmpty()) {
				HttpSession httpSession = request.getSession(false);
				if (httpSession != null) {
					httpSession.invalidate();
				}
				this.contexts.clearContext();
			}
			else {
				List<GrantedAuthority> current = SecurityConfiguration.authorities(user.get());
				if (!new HashSet<>(current).equals(new HashSet<>(session.getAuthorities()))) {
					// For this request only: the session keeps what it had, and is
					// checked again next time.
					SecurityContext context = this.contexts.createEmptyContext();
					context.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(session.getPrincipal(), null, current));
					this.contexts.setContext(context);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
