package com.launcher.agentgateway.persistence;

import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A statement written with named parameters, turned into its positional form once.
 * <p>
 * {@code NamedParameterJdbcTemplate} substitutes the parameters on every call, so each
 * execution hands the driver a new string, which the driver hashes and compares in full
 * to find its prepared statement. On the statements every request runs (token look-up,
 * rate spend, audit append: about a kilobyte each) that was measurable; this keeps one
 * string per statement. Collections are not expanded: use it only for statements whose
 * parameters are single values.
 */
final class PositionalSql {

	private final ParsedSql parsed;

	private final String sql;

	PositionalSql(String namedSql) {
		this.parsed = NamedParameterUtils.parseSqlStatement(namedSql);
		this.sql = NamedParameterUtils.substituteNamedParameters(this.parsed, EmptySqlParameterSource.INSTANCE);
	}

	/** The statement with a {@code ?} for each named parameter. */
	String sql() {
		return this.sql;
	}

	/**
	 * The values in the statement's order; a parameter used twice is given twice.
	 * @param source the values by name
	 * @return the positional values
	 * @throws org.springframework.dao.InvalidDataAccessApiUsageException when a value is
	 * missing
	 */
	Object[] args(SqlParameterSource source) {
		return NamedParameterUtils.buildValueArray(this.parsed, source, null);
	}

}
