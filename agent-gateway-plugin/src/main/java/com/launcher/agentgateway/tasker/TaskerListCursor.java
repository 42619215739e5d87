package com.launcher.agentgateway.tasker;

import com.launcher.agentgateway.core.GatewayException;

/**
 * The work items adapter's own position in a project's list: Tasker's cursor of the page,
 * and how many of that page's items were already served. Written as
 * {@code <tasker cursor>|<skip>} inside the tool's opaque cursor.
 *
 * @param taskerCursor Tasker's cursor, or null for the first page
 * @param skip items of that page already served (0 to 100)
 */
record TaskerListCursor(String taskerCursor, int skip) {

	static TaskerListCursor parse(String cursor) {
		if (cursor == null) {
			return new TaskerListCursor(null, 0);
		}
		int bar = cursor.lastIndexOf('|');
		try {
			int skip = Integer.parseInt(cursor.substring(bar + 1));
			if (bar < 0 || skip < 0 || skip > TaskerListing.TASKER_PAGE_SIZE) {
				throw new NumberFormatException();
			}
			return new TaskerListCursor(taskerCursor(cursor.substring(0, bar)), skip);
		}
		catch (NumberFormatException ex) {
			throw notACursor();
		}
	}

	/**
	 * Tasker cursors are short tokens such as {@code 100:1:0}; anything else is refused
	 * before it reaches Tasker.
	 */
	static String taskerCursor(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > 100 || !value.matches("[A-Za-z0-9:_=.-]+")) {
			throw notACursor();
		}
		return value;
	}

	private static GatewayException notACursor() {
		return GatewayException.invalid("cursor", "is not a cursor of this list");
	}

	@Override
	public String toString() {
		return ((this.taskerCursor != null) ? this.taskerCursor : "") + "|" + this.skip;
	}

}
