package com.launcher.tasker.sandbox;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's offset pagination of list routes, with its envelope and its errors for bad
 * {@code per_page} and {@code cursor} values.
 */
final class OffsetPaginator {

	private OffsetPaginator() {
	}

	/**
	 * Plane's offset paginator (plane-api.md §2.1): offset = page × this request's
	 * per_page, cursors always present.
	 * @param maxPerPage the instance's largest page, also its default (CE: 1000)
	 */
	static <T> Response paginate(Request request, List<T> rows, Function<T, JsonNode> render, long total,
			int maxPerPage) {
		int perPage = maxPerPage;
		String perPageText = request.query().get("per_page");
		if (perPageText != null) {
			try {
				perPage = Integer.parseInt(perPageText);
			}
			catch (NumberFormatException ex) {
				throw PlaneError.detail(400, "Invalid per_page parameter.");
			}
			if (perPage > maxPerPage) {
				throw PlaneError.detail(400, "Invalid per_page value. Cannot exceed " + maxPerPage + ".");
			}
			if (perPage < 1) {
				throw PlaneError.detail(400, "Invalid per_page parameter.");
			}
		}
		long page = 0;
		String cursor = request.query().get("cursor");
		if (cursor != null) {
			Matcher matcher = Pattern.compile("(-?\\d+):(-?\\d+):(-?\\d+)").matcher(cursor);
			if (!matcher.matches()) {
				throw PlaneError.detail(400, "Invalid cursor parameter.");
			}
			page = Long.parseLong(matcher.group(2));
			if (page < 0) {
				throw PlaneError.detail(400, "Error in parsing");
			}
		}
		long offset = page * perPage;
		List<T> slice = (offset >= rows.size()) ? List.of()
				: rows.subList((int) offset, (int) Math.min(rows.size(), offset + perPage));
		ObjectNode envelope = Json.MAPPER.createObjectNode();
		envelope.putNull("grouped_by");
		envelope.putNull("sub_grouped_by");
		envelope.put("total_count", total);
		envelope.put("next_cursor", perPage + ":" + (page + 1) + ":0");
		envelope.put("prev_cursor", perPage + ":" + (page - 1) + ":1");
		envelope.put("next_page_results", offset + perPage < rows.size());
		envelope.put("prev_page_results", page > 0);
		envelope.put("count", slice.size());
		envelope.put("total_pages", (total + perPage - 1) / perPage);
		envelope.put("total_results", total);
		envelope.putNull("extra_stats");
		ArrayNode results = envelope.putArray("results");
		slice.forEach((row) -> results.add(render.apply(row)));
		return Response.of(200, envelope);
	}

}
