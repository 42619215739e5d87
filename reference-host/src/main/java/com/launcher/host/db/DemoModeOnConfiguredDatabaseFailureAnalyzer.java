package com.launcher.host.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one message why demo mode refused a configured database, and what to do. */
class DemoModeOnConfiguredDatabaseFailureAnalyzer
		extends AbstractFailureAnalyzer<DemoModeOnConfiguredDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoModeOnConfiguredDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Unset launcher.demo (or set it to false), unset spring.datasource.url to use the embedded"
						+ " PostgreSQL, or set launcher.database.allow-demo-mode=true for a database you throw away.",
				cause);
	}

}
