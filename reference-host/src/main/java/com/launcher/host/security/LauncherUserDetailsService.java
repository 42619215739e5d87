package com.launcher.host.security;

import com.launcher.host.user.UserAccount;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Form login and Basic against the host's users; blocked and annulled users cannot sign
 * in, and demo users only in demo mode (to anyone else they do not exist).
 */
@Component
class LauncherUserDetailsService implements UserDetailsService {

	private final SignInPolicy users;

	LauncherUserDetailsService(SignInPolicy users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.users.account(username)
			.filter((a) -> a.passwordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(SecurityConfiguration.authorities(account.user()))
			.disabled(!account.user().isActive())
			.build();
	}

}
