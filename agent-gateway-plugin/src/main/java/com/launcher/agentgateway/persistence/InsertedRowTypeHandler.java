package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the row of {@code AuditMapper.appendAfter}, its count of inserted events: the
 * append every audited request makes. Handled by MyBatis, even this one integer cost a
 * fifth of a refused token's CPU in the introspection benchmark, most of it reading the
 * result's column metadata; see {@link RowTypeHandler}.
 */
public final class InsertedRowTypeHandler extends RowTypeHandler<AuditMapper.Inserted> {

	@Override
	protected AuditMapper.Inserted read(ResultSet rs) throws SQLException {
		return new AuditMapper.Inserted(rs.getInt(1));
	}

}
