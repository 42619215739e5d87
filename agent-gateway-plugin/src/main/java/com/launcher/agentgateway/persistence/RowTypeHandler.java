package com.launcher.agentgateway.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Reads a result row whole, by position in its statement's select list: for the few
 * statements on every request's path, whose rows MyBatis would otherwise map column by
 * column.
 * <p>
 * Declared as a type handler of the row type, it is what MyBatis calls for each row;
 * {@link RowReadingConfiguration} also lets these statements skip the result set's column
 * metadata, which MyBatis reads for mapping and a whole-row read never uses.
 *
 * @param <T> the row type
 */
public abstract class RowTypeHandler<T> extends BaseTypeHandler<T> {

	/**
	 * Reads the current row.
	 * @param rs the result set, on a row
	 * @return the row's value
	 * @throws SQLException when a column cannot be read
	 */
	protected abstract T read(ResultSet rs) throws SQLException;

	@Override
	public final T getNullableResult(ResultSet rs, String column) throws SQLException {
		return read(rs);
	}

	@Override
	public final T getNullableResult(ResultSet rs, int column) throws SQLException {
		return read(rs);
	}

	@Override
	public final T getNullableResult(CallableStatement call, int index) {
		throw new UnsupportedOperationException("A whole row is read from a query, not a stored procedure");
	}

	@Override
	public final void setNonNullParameter(PreparedStatement statement, int index, T row, JdbcType jdbcType) {
		throw new UnsupportedOperationException("A whole row is read, never bound");
	}

}
