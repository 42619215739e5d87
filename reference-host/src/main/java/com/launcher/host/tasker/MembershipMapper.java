package com.launcher.host.tasker;

import java.util.UUID;

import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.db.LauncherMapper;
import org.apache.ibatis.annotations.Param;

/**
 * The statements on {@code launcher_tasker_membership}
 * ({@code db/launcher/mappers/MembershipMapper.xml}).
 */
public interface MembershipMapper extends LauncherMapper {

	Row find(@Param("workspace") String workspace, @Param("projectId") UUID projectId, @Param("email") String email);

	int record(@Param("workspace") String workspace, @Param("projectId") UUID projectId, @Param("email") String email,
			@Param("role") ProjectRole role, @Param("active") boolean active);

	/**
	 * What the host records of one membership.
	 *
	 * @param role the role in the project
	 * @param active whether the person is still a member
	 */
	record Row(ProjectRole role, boolean active) {
	}

}
