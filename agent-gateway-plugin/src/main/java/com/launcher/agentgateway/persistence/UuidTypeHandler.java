package com.launcher.agentgateway.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * PostgreSQL {@code uuid} columns as {@link UUID}. MyBatis has no handler of its own for
 * them; the driver binds a {@code UUID} object as {@code uuid}, as Spring's template did.
 */
public final class UuidTypeHandler extends BaseTypeHandler<UUID> {

	@Override
	public void setNonNullParameter(PreparedStatement statement, int index, UUID value, JdbcType jdbcType)
			throws SQLException {
		statement.setObject(index, value);
	}

	@Override
	public UUID getNullableResult(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	@Override
	public UUID getNullableResult(ResultSet rs, int index) throws SQLException {
		return rs.getObject(index, UUID.class);
	}

	@Override
	public UUID getNullableResult(CallableStatement call, int index) throws SQLException {
		return call.getObject(index, UUID.class);
	}

}
