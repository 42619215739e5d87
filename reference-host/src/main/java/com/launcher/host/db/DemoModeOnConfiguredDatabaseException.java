package com.launcher.host.db;

/**
 * Demo mode was asked for on a configured PostgreSQL without
 * {@code launcher.database.allow-demo-mode}: demo mode seeds users with published
 * passwords, which belong in a throw-away embedded database, not in a shared one.
 */
public class DemoModeOnConfiguredDatabaseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DemoModeOnConfiguredDatabaseException() {
		super("Demo mode seeds users with published passwords and runs only on the embedded database;"
				+ " spring.datasource.url is set. Set launcher.database.allow-demo-mode=true to run it there anyway");
	}

}
