package com.launcher.host.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unreachable database at start-up into one clear message, without a stack
 * trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Check spring.datasource.url, the credentials and that the server accepts connections,"
						+ " or unset spring.datasource.url to use the embedded PostgreSQL.",
				cause);
	}

}
