package com.launcher.agentgateway.core;

/**
 * Names a caught failure for a log line, without its message: a message can quote a row's
 * values (an owner's e-mail address, an audit event's details), and logs are read by more
 * people, and kept in more places, than the audit log. What an operator needs is the
 * failure's type and, for a database's, the driver's SQLState: a statement ended by its
 * bound ({@code 57014}) calls for other work than a lost connection (class {@code 08}).
 * The domain cannot see the driver's types, so the persistence adapter names them
 * ({@code persistence.SqlFailures}) and the configuration hands that in.
 */
@FunctionalInterface
public interface FailureNames {

	/**
	 * @param failure what was caught
	 * @return its type, and what else may be logged of it
	 */
	String of(Throwable failure);

}
