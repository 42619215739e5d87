package com.launcher.host.security;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.user.JdbcUserDirectory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Form login and Basic against the host's users; blocked and annulled users cannot sign
 * in.
 */
@Component
class LauncherUserDetailsService implements UserDetailsService {

	private final JdbcUserDirectory directory;

	LauncherUserDetailsService(JdbcUserDirectory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		LauncherUser user = this.directory.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
		String hash = this.directory.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
		return User.withUsername(user.username())
			.password(hash)
			.authorities(SecurityConfiguration.authorities(user))
			.disabled(!user.isActive())
			.build();
	}

}
