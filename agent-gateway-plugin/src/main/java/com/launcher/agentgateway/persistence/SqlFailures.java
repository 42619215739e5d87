package com.launcher.agentgateway.persistence;

import java.sql.SQLException;

/**
 * What an operator reads of a database failure in the plugin's log, without a row's
 * values: the failure's type and the driver's SQLState. A message is added only for a
 * connection's failure (SQLState class 08), which names the server; the others may quote
 * a row's values (a constraint's detail, for example), which for the audit log are
 * agents' and owners' data.
 */
public final class SqlFailures {

	// Causes can form a loop (a cause whose cause is the first): the walk stops after
	// more links than any real chain has, rather than hold a request thread for ever.
	private static final int MAX_CAUSES = 32;

	private SqlFailures() {
	}

	/**
	 * @param failure what a statement or its transaction threw
	 * @return its type, with the SQLState of the first {@link SQLException} among its
	 * causes when there is one
	 */
	public static String describe(Throwable failure) {
		Throwable cause = failure;
		for (int link = 0; cause != null && link < MAX_CAUSES; link++, cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				return failure.getClass().getSimpleName() + ", SQLState " + state
						+ (state.startsWith("08") ? ": " + sql.getMessage() : "");
			}
		}
		return failure.getClass().getSimpleName();
	}

}
