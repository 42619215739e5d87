package com.launcher.tasker.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** URL query strings, read and written the way Django does: the first value of a name. */
final class QueryStrings {

	private QueryStrings() {
	}

	static Map<String, String> parse(String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
			String value = (eq >= 0) ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
			query.putIfAbsent(name, value);
		}
		return query;
	}

	static String encode(Map<String, String> query) {
		return query.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
