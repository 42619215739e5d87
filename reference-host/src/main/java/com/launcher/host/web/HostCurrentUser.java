package com.launcher.host.web;

import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.security.PluginBearerAuthentication;
import com.launcher.host.security.SignInPolicy;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The human Launcher user of the current request, whatever way they signed in. A request
 * authenticated with a plugin's bearer token has no human user.
 */
@Component
public class HostCurrentUser {

	private final SignInPolicy users;

	public HostCurrentUser(SignInPolicy users) {
		this.users = users;
	}

	public Optional<LauncherUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken
				|| authentication instanceof PluginBearerAuthentication) {
			return Optional.empty();
		}
		return this.users.activeUser(authentication.getName());
	}

	public LauncherUser require() {
		return get().orElseThrow(() -> new InsufficientAuthenticationException("No signed-in user"));
	}

}
