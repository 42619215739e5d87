package com.launcher.host.web;

import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.security.PluginBearerAuthentication;

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

	private final UserDirectory directory;

	public HostCurrentUser(UserDirectory directory) {
		this.directory = directory;
	}

	public Optional<LauncherUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken
				|| authentication instanceof PluginBearerAuthentication) {
			return Optional.empty();
		}
		return this.directory.findByUsername(authentication.getName()).filter(LauncherUser::isActive);
	}

	public LauncherUser require() {
		return get().orElseThrow(() -> new InsufficientAuthenticationException("No signed-in user"));
	}

}
