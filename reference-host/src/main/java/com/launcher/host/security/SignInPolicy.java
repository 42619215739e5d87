package com.launcher.host.security;

import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.config.HostProperties;
import com.launcher.host.user.MybatisUserDirectory;
import com.launcher.host.user.UserAccount;

import org.springframework.stereotype.Component;

/**
 * Who may act as a person on this host right now, asked on every human request whatever
 * way it authenticates (form session, Basic, JWT): an ACTIVE user, and never a demo user
 * (seeded with a published password) unless the host runs in demo mode.
 */
@Component
public class SignInPolicy {

	private final MybatisUserDirectory directory;

	private final boolean demoMode;

	public SignInPolicy(MybatisUserDirectory directory, HostProperties properties) {
		this.directory = directory;
		this.demoMode = properties.demo();
	}

	/**
	 * The account of a person who may sign in or act, whatever their status: callers
	 * refuse inactive ones in their own way (a disabled login, a refused token).
	 * @param username the user name
	 * @return the account, or empty for no such user or a demo user outside demo mode
	 */
	Optional<UserAccount> account(String username) {
		return this.directory.account(username).filter((account) -> this.demoMode || !account.demoUser());
	}

	/**
	 * The user behind a human request, when they may act now.
	 * @param username the authenticated name
	 * @return the active user, or empty
	 */
	public Optional<LauncherUser> activeUser(String username) {
		return account(username).map(UserAccount::user).filter(LauncherUser::isActive);
	}

}
