package com.launcher.tasker.sandbox;

/**
 * One API call the sandbox received, for tests to assert what a client sent.
 *
 * @param method the HTTP method
 * @param path the path
 * @param query the raw query, empty when none
 * @param body the request body as text, empty when none
 * @param status the status answered, or 0 when the connection was closed without one
 */
public record JournalEntry(String method, String path, String query, String body, int status) {

	public boolean isWrite() {
		return !"GET".equals(this.method) && !"HEAD".equals(this.method);
	}

}
