package com.launcher.host.security;

import com.launcher.host.user.MybatisUserDirectory;
import com.launcher.host.user.UserAccount;

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

	private final MybatisUserDirectory directory;

	LauncherUserDetailsService(MybatisUserDirectory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.directory.account(username)
			.filter((a) -> a.passwordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(SecurityConfiguration.authorities(account.user()))
			.disabled(!account.user().isActive())
			.build();
	}

}
