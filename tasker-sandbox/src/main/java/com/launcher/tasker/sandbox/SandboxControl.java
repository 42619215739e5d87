package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP control path for tests ({@code /_sandbox/…}), served only when enabled: the
 * API journal and faults, memberships, bulk seeding, the workspace's webhooks with their
 * deliveries, faults and worker, and a person's changes in the web app (see the sandbox's
 * README for the bodies).
 */
final class SandboxControl {

	private SandboxControl() {
	}

	static void handle(TaskerSandbox sandbox, HttpExchange exchange, String method, String path, String rawQuery,
			String body) throws IOException {
		String[] s = path.substring("/_sandbox/".length()).split("/", -1);
		try {
			Object answer = switch (s[0]) {
				case "journal" -> journal(sandbox, method);
				case "faults" -> apiFaults(sandbox, method, body);
				case "memberships" -> memberships(sandbox, method, body);
				case "seed" -> seed(sandbox, method, body);
				case "webhooks" -> webhooks(sandbox, method, s, body);
				case "webhook-deliveries" -> deliveries(sandbox, method);
				case "webhook-faults" -> webhookFaults(sandbox, method, body);
				case "webhook-worker" -> worker(sandbox, method, body);
				case "webhook-allowlist" -> allowlist(sandbox, method, body);
				case "people" -> ControlPeople.handle(sandbox, method, s, body);
				default -> throw PlaneError.pageNotFound();
			};
			if (answer == null) {
				SandboxServer.send(exchange, 204, "", Map.of());
			}
			else if (answer instanceof Created created) {
				SandboxServer.send(exchange, 201, Json.MAPPER.writeValueAsString(created.body()), Map.of());
			}
			else {
				SandboxServer.send(exchange, 200, Json.MAPPER.writeValueAsString(answer), Map.of());
			}
		}
		catch (PlaneError ex) {
			SandboxServer.send(exchange, ex.status(), Json.MAPPER.writeValueAsString(ex.body()), Map.of());
		}
		catch (JacksonException | IllegalArgumentException | NoSuchElementException ex) {
			ObjectNode error = Json.MAPPER.createObjectNode().put("error", "invalid control request");
			if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
				error.put("detail", ex.getMessage());
			}
			SandboxServer.send(exchange, 400, error.toString(), Map.of());
		}
	}

	/** A 201 answer. */
	record Created(Object body) {
	}

	static void require(String method, String expected) {
		if (!method.equals(expected)) {
			throw PlaneError.detail(405, "Method \"" + method + "\" not allowed.");
		}
	}

	private static Object journal(TaskerSandbox sandbox, String method) {
		if (method.equals("DELETE")) {
			sandbox.clearJournal();
			return null;
		}
		require(method, "GET");
		return sandbox.journal();
	}

	private static Object apiFaults(TaskerSandbox sandbox, String method, String body) {
		if (method.equals("DELETE")) {
			sandbox.clearFaults();
			return null;
		}
		require(method, "POST");
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
		return null;
	}

	private static Object memberships(TaskerSandbox sandbox, String method, String body) {
		require(method, "POST");
		JsonNode node = Json.readBody(body);
		sandbox.setMembershipActive(node.path("project").asString(""), node.path("email").asString(""),
				node.path("active").asBoolean(true));
		return null;
	}

	private static Object seed(TaskerSandbox sandbox, String method, String body) {
		require(method, "POST");
		JsonNode node = Json.readBody(body);
		List<UUID> ids = sandbox.seedWorkItems(node.path("project").asString(""), node.path("count").asInt(0));
		return new Created(Json.MAPPER.createObjectNode().put("created", ids.size()));
	}

	private static Object webhooks(TaskerSandbox sandbox, String method, String[] s, String body) {
		SandboxWebhooks webhooks = sandbox.webhooks();
		if (s.length == 1 || s[1].isEmpty()) {
			if (method.equals("GET")) {
				ArrayNode array = Json.MAPPER.createArrayNode();
				webhooks.list().forEach((w) -> array.add(view(w)));
				return array;
			}
			require(method, "POST");
			JsonNode node = Json.readBody(body);
			String secret = node.hasNonNull("secret_key") ? node.get("secret_key").asString()
					: SandboxWebhooks.newSecret();
			WebhookRegistration created = webhooks.registerOrRefuse(node.path("url").asString(""), secret,
					events(node, EnumSet.noneOf(WebhookEvent.class)));
			return new Created(view(created));
		}
		UUID id = UUID.fromString(s[1]);
		if (s.length == 3 && s[2].equals("regenerate-secret")) {
			require(method, "POST");
			return view(webhooks.regenerateSecret(id));
		}
		return switch (method) {
			case "GET" -> view(webhooks.get(id));
			case "DELETE" -> {
				webhooks.delete(id);
				yield null;
			}
			case "PATCH" -> {
				JsonNode node = Json.readBody(body);
				WebhookRegistration current = webhooks.get(id);
				webhooks.subscribe(id, events(node, current.events()));
				if (node.has("is_active")) {
					webhooks.setActive(id, node.get("is_active").asBoolean());
				}
				yield view(webhooks.get(id));
			}
			default -> throw PlaneError.detail(405, "Method \"" + method + "\" not allowed.");
		};
	}

	private static Set<WebhookEvent> events(JsonNode node, Set<WebhookEvent> current) {
		Set<WebhookEvent> events = current.isEmpty() ? EnumSet.noneOf(WebhookEvent.class) : EnumSet.copyOf(current);
		for (WebhookEvent event : WebhookEvent.values()) {
			if (node.has(event.planeName())) {
				if (node.get(event.planeName()).asBoolean(false)) {
					events.add(event);
				}
				else {
					events.remove(event);
				}
			}
		}
		return events;
	}

	/** A webhook as Plane's serializer shows it, secret included. */
	private static ObjectNode view(WebhookRegistration webhook) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", webhook.id().toString());
		node.put("url", webhook.url());
		node.put("is_active", webhook.active());
		node.put("secret_key", webhook.secretKey());
		for (WebhookEvent event : WebhookEvent.values()) {
			node.put(event.planeName(), webhook.events().contains(event));
		}
		node.put("version", webhook.version());
		node.put("created_at", webhook.createdAt().toString());
		return node;
	}

	private static Object deliveries(TaskerSandbox sandbox, String method) {
		if (method.equals("DELETE")) {
			sandbox.webhooks().clearDeliveries();
			return null;
		}
		require(method, "GET");
		return sandbox.webhooks().deliveries();
	}

	private static Object webhookFaults(TaskerSandbox sandbox, String method, String body) {
		SandboxWebhooks webhooks = sandbox.webhooks();
		if (method.equals("DELETE")) {
			webhooks.clearFaults();
			return null;
		}
		require(method, "POST");
		JsonNode node = Json.readBody(body);
		for (Map.Entry<String, JsonNode> entry : node.path("next").properties()) {
			webhooks.faultNext(fault(entry.getKey()), entry.getValue().asInt());
		}
		for (Map.Entry<String, JsonNode> entry : node.path("rate").properties()) {
			webhooks.faultRate(fault(entry.getKey()), entry.getValue().asDouble());
		}
		if (node.has("delayMs")) {
			webhooks.delayBy(Duration.ofMillis(node.get("delayMs").asLong()));
		}
		return null;
	}

	private static WebhookFault fault(String name) {
		return WebhookFault.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	private static Object worker(TaskerSandbox sandbox, String method, String body) {
		require(method, "POST");
		if (Json.readBody(body).path("paused").asBoolean(false)) {
			sandbox.webhooks().pause();
		}
		else {
			sandbox.webhooks().resume();
		}
		return null;
	}

	private static Object allowlist(TaskerSandbox sandbox, String method, String body) {
		require(method, "POST");
		JsonNode node = Json.readBody(body);
		sandbox.webhooks().allow(texts(node.path("ips")), texts(node.path("hosts")));
		return null;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.values().forEach((value) -> texts.add(value.asString()));
		return texts;
	}

}
