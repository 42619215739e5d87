package com.launcher.tasker.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.launcher.host.api.tasker.PageRequest;

/**
 * An opaque page cursor: the page index and the page size it was made with, since Plane's
 * offset is page × the current request's per_page (plane-api.md §2.1).
 */
record PageCursor(long page, int pageSize) {

	static PageCursor decode(PageRequest request) {
		if (request.cursor() == null) {
			return new PageCursor(0, request.pageSize());
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(request.cursor()), StandardCharsets.US_ASCII);
			String[] parts = text.split(":");
			if (parts.length != 3 || !parts[0].equals("p1")) {
				throw new IllegalArgumentException("cursor is not valid");
			}
			long page = Long.parseLong(parts[1]);
			int size = Integer.parseInt(parts[2]);
			if (page < 0 || page > 1_000_000 || size < 1 || size > PageRequest.MAX_PAGE_SIZE) {
				throw new IllegalArgumentException("cursor is not valid");
			}
			return new PageCursor(page, size);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cursor is not valid");
		}
	}

	PageCursor next() {
		return new PageCursor(this.page + 1, this.pageSize);
	}

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("p1:" + this.page + ":" + this.pageSize).getBytes(StandardCharsets.US_ASCII));
	}

	Map<String, String> query(Map<String, String> query) {
		query.put("per_page", Integer.toString(this.pageSize));
		if (this.page > 0) {
			query.put("cursor", this.pageSize + ":" + this.page + ":0");
		}
		return query;
	}

}
