package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Reads the row of {@code SourceThrottleMapper.recordFailure} whole: the statement every
 * refused token costs, so the one a flood of guesses repeats. MyBatis's constructor
 * mapping of even these two columns cost more CPU than the statement's round trip through
 * the driver (a profile of the introspection benchmark's garbage tokens, issue 13); see
 * {@link RowTypeHandler}.
 */
public final class CountedRowTypeHandler extends RowTypeHandler<SourceThrottleMapper.Counted> {

	/** By position, in the order of the statement's select list. */
	@Override
	protected SourceThrottleMapper.Counted read(ResultSet rs) throws SQLException {
		OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
		return new SourceThrottleMapper.Counted(rs.getBoolean(1), (until != null) ? until.toInstant() : null);
	}

}
