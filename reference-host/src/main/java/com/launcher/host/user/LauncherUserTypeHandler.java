package com.launcher.host.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.db.RowTypeHandler;

/**
 * Reads a user row whole, by position in the select list of {@code UserMapper.xml}'s
 * {@code columns}.
 * <p>
 * Every bearer request of a plugin reads its owner's user row (blocked and annulled
 * owners lose their agents at once), so this is on every request's path. MyBatis hands a
 * row to the result type's own type handler when it has one and maps nothing itself
 * ({@link RowTypeHandler}); its constructor mapping cost more CPU than the statement's
 * round trip through the driver (docs/BENCHMARKS.md, issue 13).
 */
public final class LauncherUserTypeHandler extends RowTypeHandler<LauncherUser> {

	@Override
	protected LauncherUser read(ResultSet rs) throws SQLException {
		return new LauncherUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				UserStatus.valueOf(rs.getString(5)), rs.getBoolean(6));
	}

}
