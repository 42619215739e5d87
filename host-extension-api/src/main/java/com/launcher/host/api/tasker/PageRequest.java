package com.launcher.host.api.tasker;

/**
 * Which page of a list to read.
 *
 * @param cursor an opaque cursor from {@link TaskerPage#nextCursor()}, or {@code null}
 * for the first page
 * @param pageSize items per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record PageRequest(String cursor, int pageSize) {

	/** The largest page size every Tasker edition accepts. */
	public static final int MAX_PAGE_SIZE = 100;

	public PageRequest {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (cursor != null && (cursor.isBlank() || cursor.length() > 200)) {
			throw new IllegalArgumentException("cursor is not valid");
		}
	}

	public static PageRequest first(int pageSize) {
		return new PageRequest(null, pageSize);
	}

	public PageRequest next(String nextCursor) {
		return new PageRequest(nextCursor, this.pageSize);
	}

}
