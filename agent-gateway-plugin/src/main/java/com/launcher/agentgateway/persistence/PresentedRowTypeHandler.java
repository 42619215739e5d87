package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.token.TokenStatus;

/**
 * Reads a row of the token look-up ({@code TokenMapper.findPresented}) whole, the one
 * statement every request runs.
 * <p>
 * MyBatis hands a row to the result type's own type handler when it has one, and then
 * maps nothing itself ({@link RowTypeHandler}). Its constructor mapping costs, on every
 * row of 27 columns, a reflective constructor look-up, a meta-object and the upper-cased
 * set of the result's column names; measured with the introspection benchmark, that was
 * more CPU than the statement's own round trip through the driver (docs/BENCHMARKS.md,
 * issue 13). {@code MybatisTokenStoreTests} reads every column back, so a select list
 * that moves fails there.
 */
public final class PresentedRowTypeHandler extends RowTypeHandler<TokenMapper.PresentedRow> {

	/**
	 * Reads the row by position, in the order of the statement's select list
	 * ({@code TokenMapper.xml}): finding 27 columns by name cost as much as reading them.
	 */
	@Override
	protected TokenMapper.PresentedRow read(ResultSet rs) throws SQLException {
		long blocked = rs.getLong(1);
		Long blockedMs = rs.wasNull() ? null : blocked;
		return new TokenMapper.PresentedRow(blockedMs, uuid(rs, 2), uuid(rs, 3), uuid(rs, 4), rs.getBytes(5),
				rs.getString(6), named(TokenStatus.class, rs.getString(7)), rs.getString(8), rs.getString(9),
				uuid(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13), uuid(rs, 14), instant(rs, 15),
				rs.getString(16), named(AgentStatus.class, rs.getString(17)), rs.getString(18), uuid(rs, 19),
				uuid(rs, 20), rs.getString(21), uuid(rs, 22), rs.getString(23), rs.getString(24),
				named(Access.class, rs.getString(25)), uuid(rs, 26), instant(rs, 27));
	}

	private static UUID uuid(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static <E extends Enum<E>> E named(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

}
