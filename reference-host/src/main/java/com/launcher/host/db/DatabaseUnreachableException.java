package com.launcher.host.db;

/** The configured PostgreSQL could not be reached at start-up. */
public class DatabaseUnreachableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String url;

	public DatabaseUnreachableException(String url, String sqlState) {
		super("PostgreSQL at " + url + " is unreachable (SQL state " + sqlState + ")");
		this.url = url;
	}

	public String url() {
		return this.url;
	}

}
