package com.launcher.agentgateway.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * {@code timestamptz} columns as {@link Instant}, in place of MyBatis's own handler.
 * <p>
 * Bound as a {@link Timestamp}, which the driver sends without a type, so the column
 * decides it: the statements keep the parameter types, and so the plans, they had over
 * Spring's template. Read as an {@link OffsetDateTime}, which carries the offset
 * PostgreSQL sent, so no JVM time zone takes part.
 */
public final class InstantTypeHandler extends BaseTypeHandler<Instant> {

	@Override
	public void setNonNullParameter(PreparedStatement statement, int index, Instant value, JdbcType jdbcType)
			throws SQLException {
		statement.setTimestamp(index, Timestamp.from(value));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, String column) throws SQLException {
		return instant(rs.getObject(column, OffsetDateTime.class));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, int index) throws SQLException {
		return instant(rs.getObject(index, OffsetDateTime.class));
	}

	@Override
	public Instant getNullableResult(CallableStatement call, int index) throws SQLException {
		return instant(call.getObject(index, OffsetDateTime.class));
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
