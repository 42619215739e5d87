package com.launcher.host.user;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Reads a user row whole, by position in the select list of {@code UserMapper.xml}'s
 * {@code columns}.
 * <p>
 * Every bearer request of a plugin reads its owner's user row (blocked and annulled
 * owners lose their agents at once), so this is on every request's path. MyBatis hands a
 * row to the result type's own type handler when it has one and maps nothing itself; its
 * constructor mapping cost more CPU than the statement's round trip through the driver
 * (docs/BENCHMARKS.md, issue 13).
 */
public final class LauncherUserTypeHandler extends BaseTypeHandler<LauncherUser> {

	@Override
	public LauncherUser getNullableResult(ResultSet rs, String column) throws SQLException {
		return getNullableResult(rs, 1);
	}

	@Override
	public LauncherUser getNullableResult(ResultSet rs, int first) throws SQLException {
		return new LauncherUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				UserStatus.valueOf(rs.getString(5)), rs.getBoolean(6));
	}

	@Override
	public LauncherUser getNullableResult(CallableStatement call, int index) {
		throw new UnsupportedOperationException("Users are not read from stored procedures");
	}

	@Override
	public void setNonNullParameter(PreparedStatement statement, int index, LauncherUser user, JdbcType jdbcType) {
		throw new UnsupportedOperationException("A user row is read, never bound");
	}

}
