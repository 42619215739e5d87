package com.launcher.tasker.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The opaque cursor of the large-page listings an incremental sync reads: the page index
 * and the page size it was made with, since Plane's offset is page × this request's
 * {@code per_page} (plane-api.md §2.1). Distinct from {@link PageCursor}, so neither kind
 * of listing accepts the other's cursors.
 */
record SyncCursor(long page, int pageSize) {

	static final SyncCursor FIRST = new SyncCursor(0, PlaneSync.LARGE_PAGE);

	SyncCursor {
		if (page < 0 || page > 1_000_000 || pageSize < 1 || pageSize > PlaneSync.LARGE_PAGE) {
			throw new IllegalArgumentException("cursor is not valid");
		}
	}

	static SyncCursor decode(String cursor) {
		if (cursor == null) {
			return FIRST;
		}
		if (cursor.isBlank() || cursor.length() > 200) {
			throw new IllegalArgumentException("cursor is not valid");
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			String[] parts = text.split(":");
			if (parts.length != 3 || !parts[0].equals("s1")) {
				throw new IllegalArgumentException("cursor is not valid");
			}
			return new SyncCursor(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cursor is not valid");
		}
	}

	/**
	 * The same position in pages of another size: where this cursor's first row falls.
	 * @param size the new page size
	 * @return the cursor in pages of that size
	 */
	SyncCursor resized(int size) {
		return new SyncCursor(this.page * this.pageSize / size, size);
	}

	SyncCursor next() {
		return new SyncCursor(this.page + 1, this.pageSize);
	}

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("s1:" + this.page + ":" + this.pageSize).getBytes(StandardCharsets.US_ASCII));
	}

	Map<String, String> query(Map<String, String> query) {
		query.put("per_page", Integer.toString(this.pageSize));
		if (this.page > 0) {
			query.put("cursor", this.pageSize + ":" + this.page + ":0");
		}
		return query;
	}

}
