package com.launcher.host.api.user;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the host's directory of Launcher users. Implementations throw
 * {@link com.launcher.host.api.HostUnavailableException} when they cannot answer, never a
 * guess.
 */
public interface UserDirectory {

	Optional<LauncherUser> findById(UUID id);

	Optional<LauncherUser> findByUsername(String username);

	/**
	 * The status of many users in one call; ids the directory does not know are absent
	 * from the map.
	 * @param ids the user ids
	 * @return status by id
	 */
	Map<UUID, UserStatus> statuses(Collection<UUID> ids);

}
