package com.launcher.host.user;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.launcher.host.api.HostUnavailableException;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.user.UserStatus;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** The user directory over the host's {@code launcher_user} table. */
@Component
public class MybatisUserDirectory implements UserDirectory {

	private final UserMapper users;

	public MybatisUserDirectory(UserMapper users) {
		this.users = users;
	}

	@Override
	public Optional<LauncherUser> findById(UUID id) {
		try {
			return Optional.ofNullable(this.users.findById(id));
		}
		catch (DataAccessException ex) {
			throw new HostUnavailableException("User directory unavailable", ex);
		}
	}

	@Override
	public Optional<LauncherUser> findByUsername(String username) {
		try {
			return Optional.ofNullable(this.users.findByUsername(username));
		}
		catch (DataAccessException ex) {
			throw new HostUnavailableException("User directory unavailable", ex);
		}
	}

	@Override
	public Map<UUID, UserStatus> statuses(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		try {
			return this.users.statuses(ids)
				.stream()
				.collect(Collectors.toMap(UserMapper.StatusRow::id, UserMapper.StatusRow::status));
		}
		catch (DataAccessException ex) {
			throw new HostUnavailableException("User directory unavailable", ex);
		}
	}

	public List<LauncherUser> findAll() {
		return this.users.findAll();
	}

	/** The user and their password hash, for the host's sign-in only. */
	public Optional<UserAccount> account(String username) {
		return this.users.findAccount(username).stream().findFirst();
	}

	/**
	 * Sets a status and answers the previous one, atomically.
	 * @param id the user
	 * @param status the new status
	 * @return the previous status, or empty when the user does not exist
	 */
	Optional<UserStatus> updateStatus(UUID id, UserStatus status) {
		return Optional.ofNullable(this.users.updateStatus(id, status));
	}

	/** Adds a user, unless the username is taken. */
	public void insert(LauncherUser user, String passwordHash) {
		this.users.insert(user, passwordHash, false);
	}

	/**
	 * Adds a user of demo mode, whose password is published and so refused outside demo
	 * mode, unless the username is taken.
	 */
	public void insertDemoUser(LauncherUser user, String passwordHash) {
		this.users.insert(user, passwordHash, true);
	}

}
