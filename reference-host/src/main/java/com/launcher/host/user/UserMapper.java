package com.launcher.host.user;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.db.LauncherMapper;
import org.apache.ibatis.annotations.Param;

/**
 * The statements on {@code launcher_user} ({@code db/launcher/mappers/UserMapper.xml}).
 */
public interface UserMapper extends LauncherMapper {

	LauncherUser findById(UUID id);

	LauncherUser findByUsername(String username);

	List<UserAccount> findAccount(String username);

	List<StatusRow> statuses(@Param("ids") Collection<UUID> ids);

	List<LauncherUser> findAll();

	/** Sets a status and answers the previous one, or {@code null} for no such user. */
	UserStatus updateStatus(@Param("id") UUID id, @Param("status") UserStatus status);

	int insert(@Param("user") LauncherUser user, @Param("passwordHash") String passwordHash,
			@Param("demoUser") boolean demoUser);

	/**
	 * One user's status.
	 *
	 * @param id the user
	 * @param status the status
	 */
	record StatusRow(UUID id, UserStatus status) {
	}

}
