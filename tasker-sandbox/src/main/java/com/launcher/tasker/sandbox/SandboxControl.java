package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP control path for tests ({@code /_sandbox/…}), served only when enabled:
 * {@code GET|DELETE journal}, {@code POST|DELETE faults}, {@code POST memberships}.
 */
final class SandboxControl {

	private SandboxControl() {
	}

	static void handle(TaskerSandbox sandbox, HttpExchange exchange, String method, String path, String body)
			throws IOException {
		try {
			switch (method + " " + path) {
				case "GET /_sandbox/journal" -> {
					List<JournalEntry> entries = sandbox.journal();
					TaskerSandbox.send(exchange, 200, Json.MAPPER.writeValueAsString(entries), Map.of());
				}
				case "DELETE /_sandbox/journal" -> {
					sandbox.clearJournal();
					TaskerSandbox.send(exchange, 204, "", Map.of());
				}
				case "POST /_sandbox/faults" -> {
					JsonNode node = Json.readBody(body);
					if (node.has("latencyMs")) {
						sandbox.addLatency(Duration.ofMillis(node.get("latencyMs").asLong()));
					}
					if (node.has("failNext")) {
						JsonNode fail = node.get("failNext");
						sandbox.failNext(fail.path("count").asInt(1), fail.path("status").asInt(500),
								fail.path("body").asString(""));
					}
					if (node.has("dropNext")) {
						sandbox.dropNext(node.get("dropNext").asInt());
					}
					if (node.has("resetAfterNextWrites")) {
						sandbox.resetAfterNextWrites(node.get("resetAfterNextWrites").asInt());
					}
					TaskerSandbox.send(exchange, 204, "", Map.of());
				}
				case "DELETE /_sandbox/faults" -> {
					sandbox.clearFaults();
					TaskerSandbox.send(exchange, 204, "", Map.of());
				}
				case "POST /_sandbox/memberships" -> {
					JsonNode node = Json.readBody(body);
					sandbox.setMembershipActive(node.path("project").asString(""), node.path("email").asString(""),
							node.path("active").asBoolean(true));
					TaskerSandbox.send(exchange, 204, "", Map.of());
				}
				default -> TaskerSandbox.send(exchange, 404, "{\"error\":\"Page not found.\"}", Map.of());
			}
		}
		catch (JacksonException | IllegalArgumentException | java.util.NoSuchElementException ex) {
			TaskerSandbox.send(exchange, 400, "{\"error\":\"invalid control request\"}", Map.of());
		}
	}

}
