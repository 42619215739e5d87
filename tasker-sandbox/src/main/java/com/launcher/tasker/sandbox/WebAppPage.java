package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import com.launcher.tasker.sandbox.SandboxModel.Item;

/**
 * A bare stand-in for the page of Plane's web app that shows one card,
 * {@code /{workspace}/browse/{IDENT}-{seq}/}, so the links a host builds to Tasker lead
 * somewhere in the demo. Everything from the card is escaped: the demo's cards carry
 * hostile HTML on purpose.
 */
final class WebAppPage {

	private static final Pattern PATH = Pattern.compile("/([a-z0-9][a-z0-9_-]*)/browse/([A-Z0-9]{1,12})-(\\d{1,10})/");

	private WebAppPage() {
	}

	static boolean matches(String path) {
		return PATH.matcher(path).matches();
	}

	static void render(SandboxStore store, HttpExchange exchange, String path) throws IOException {
		Matcher matcher = PATH.matcher(path);
		if (!matcher.matches()) {
			return;
		}
		String workspace = matcher.group(1);
		String identifier = matcher.group(2);
		long sequence = Long.parseLong(matcher.group(3));
		String page;
		int status;
		synchronized (store.lock) {
			Item item = !workspace.equals(SandboxStore.WORKSPACE) ? null
					: store.items.values()
						.stream()
						.filter((i) -> i.project.identifier.equals(identifier) && i.sequenceId == sequence
								&& i.deletedAt == null)
						.findFirst()
						.orElse(null);
			status = (item != null) ? 200 : 404;
			page = (item != null) ? page(identifier + "-" + sequence, item) : page("Not found", null);
		}
		byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String page(String title, Item item) {
		StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append(" · Tasker sandbox</title></head><body style=\"font-family:sans-serif;max-width:50em;margin:2em auto\">");
		if (item == null) {
			html.append("<h1>Not found</h1><p>No such card in the Tasker sandbox.</p>");
		}
		else {
			html.append("<p>").append(escape(title)).append(" · ").append(escape(item.project.name)).append("</p>");
			html.append("<h1>").append(escape(item.name)).append("</h1>");
			html.append("<p>State: ")
				.append(escape((item.state != null) ? item.state.name : "-"))
				.append(" · Priority: ")
				.append(escape(item.priority))
				.append((item.archivedAt != null) ? " · archived" : "")
				.append("</p>");
			html.append("<h2>Description (source)</h2><pre style=\"white-space:pre-wrap\">")
				.append(escape(item.descriptionHtml))
				.append("</pre>");
		}
		return html.append("</body></html>").toString();
	}

	private static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
