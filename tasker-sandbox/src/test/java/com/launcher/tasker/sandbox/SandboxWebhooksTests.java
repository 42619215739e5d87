package com.launcher.tasker.sandbox;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.tasker.sandbox.RecordingReceiver.Received;
import com.launcher.tasker.sandbox.WebhookDelivery.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SandboxWebhooksTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Set<WebhookEvent> CARDS = EnumSet.of(WebhookEvent.PROJECT, WebhookEvent.ISSUE,
			WebhookEvent.ISSUE_COMMENT);

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private TaskerSandbox sandbox;

	private RecordingReceiver receiver;

	private WebhookRegistration webhook;

	private String prj;

	@BeforeEach
	void start() throws Exception {
		this.sandbox = TaskerSandbox.start(SandboxOptions.forTests()
			.withWebhooks(WebhookOptions.plane().allowingLoopback().withTiming(Duration.ofSeconds(2), 0.0001)));
		this.receiver = new RecordingReceiver();
		this.webhook = this.sandbox.webhooks().register(this.receiver.url(), CARDS);
		this.prj = "/api/v1/workspaces/demo/projects/" + this.sandbox.projectId("WEB") + "/";
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
		this.receiver.close();
	}

	// ---- shape, headers and signature

	@Test
	void createWhenAgentPostsCardThenOneDeliveryWithPlaneHeadersAndExpandedData() throws Exception {
		UUID alice = this.sandbox.userId("alice@launcher.local");
		HttpResponse<String> created = api("POST", this.prj + "work-items/",
				"{\"name\":\"From the agent\",\"assignees\":[\"" + alice + "\"],\"labels\":[\"" + label("bug")
						+ "\"]}");
		assertThat(created.statusCode()).isEqualTo(201);

		Received delivery = this.receiver.await(1, WAIT).get(0);
		assertThat(delivery.method()).isEqualTo("POST");
		assertThat(delivery.path()).isEqualTo("/hooks/tasker");
		assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
		assertThat(delivery.header("User-Agent")).isEqualTo("Autopilot");
		assertThat(UUID.fromString(delivery.header("X-Plane-Delivery"))).isNotNull();
		assertThat(delivery.header("X-Plane-Event")).isEqualTo("issue");
		JsonNode body = Json.MAPPER.readTree(delivery.body());
		assertThat(body.propertyNames()).containsExactly("event", "action", "webhook_id", "workspace_id", "data",
				"activity");
		assertThat(body.get("event").stringValue()).isEqualTo("issue");
		assertThat(body.get("action").stringValue()).isEqualTo("created");
		assertThat(body.get("webhook_id").stringValue()).isEqualTo(this.webhook.id().toString());
		JsonNode data = body.get("data");
		assertThat(data.get("id").stringValue())
			.isEqualTo(Json.MAPPER.readTree(created.body()).get("id").stringValue());
		assertThat(data.get("name").stringValue()).isEqualTo("From the agent");
		// The expanded serializer: labels, assignees and state are objects.
		assertThat(data.get("assignees").get(0).get("email").stringValue()).isEqualTo("alice@launcher.local");
		assertThat(data.get("labels").get(0).get("name").stringValue()).isEqualTo("bug");
		assertThat(data.get("state").get("group").stringValue()).isEqualTo("unstarted");
		assertThat(data.get("updated_at").stringValue()).endsWith("Z");
		JsonNode activity = body.get("activity");
		assertThat(activity.propertyNames()).containsExactly("field", "new_value", "old_value", "actor",
				"old_identifier", "new_identifier");
		assertThat(activity.get("field").isNull()).isTrue();
		assertThat(activity.get("actor").get("email").stringValue()).isEqualTo("agent@launcher.local");
	}

	@Test
	void signatureWhenVerifiedOverRawBytesWithTheSecretThenMatches() throws Exception {
		api("POST", this.prj + "work-items/", "{\"name\":\"Caf\u00e9 \u2603 \\\"quoted\\\"\"}");
		Received delivery = this.receiver.await(1, WAIT).get(0);
		String signature = delivery.header("X-Plane-Signature");
		assertThat(signature).matches("[0-9a-f]{64}");
		// What the gateway's receiver does: HMAC of the bytes as received, compared in
		// constant time (Secrets.hmacSha256("tasker-webhook-secret", body)).
		byte[] expected = hmac(this.webhook.secretKey(), delivery.body());
		assertThat(MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))).isTrue();
		assertThat(MessageDigest.isEqual(hmac("plane_wh_another", delivery.body()), HexFormat.of().parseHex(signature)))
			.isFalse();
		// Python's json.dumps: ", " and ": " separators, non-ASCII escaped.
		String text = new String(delivery.body(), StandardCharsets.US_ASCII);
		assertThat(text).startsWith("{\"event\": \"issue\", \"action\": \"created\", ")
			.contains("Caf\\u00e9 \\u2603 \\\"quoted\\\"");
		assertThat(this.webhook.secretKey()).matches("plane_wh_[0-9a-f]{32}");
	}

	// ---- granularity and snapshots

	@Test
	void patchWhenTwoFieldsChangeAndOneStaysThenOneDeliveryPerChangedField() throws Exception {
		UUID item = this.sandbox.workItemId("WEB-2");
		api("PATCH", this.prj + "work-items/" + item + "/",
				"{\"name\":\"Renamed\",\"priority\":\"urgent\",\"description_html\":\"<p>Two links point to the old wiki.</p>\",\"unknown\":1}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		List<Received> received = this.receiver.received();
		assertThat(received).hasSize(2);
		assertThat(received).map((r) -> json(r).get("activity").get("field").stringValue())
			.containsExactlyInAnyOrder("name", "priority");
		JsonNode priority = received.stream()
			.map(SandboxWebhooksTests::json)
			.filter((b) -> b.get("activity").get("field").stringValue().equals("priority"))
			.findFirst()
			.orElseThrow();
		assertThat(priority.get("action").stringValue()).isEqualTo("updated");
		assertThat(priority.get("activity").get("old_value").stringValue()).isEqualTo("none");
		assertThat(priority.get("activity").get("new_value").stringValue()).isEqualTo("urgent");
		// Each delivery carries the whole card as it is after the change.
		assertThat(received)
			.allSatisfy((r) -> assertThat(json(r).get("data").get("name").stringValue()).isEqualTo("Renamed"));
	}

	@Test
	void deliveriesWhenWorkerRunsLateThenEveryOneCarriesTheLatestSnapshot() throws Exception {
		UUID item = this.sandbox.workItemId("WEB-3");
		this.sandbox.webhooks().pause();
		api("PATCH", this.prj + "work-items/" + item + "/", "{\"name\":\"First\"}");
		api("PATCH", this.prj + "work-items/" + item + "/", "{\"priority\":\"high\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(Duration.ofMillis(200))).isFalse();
		assertThat(this.receiver.received()).isEmpty();
		this.sandbox.webhooks().resume();

		List<Received> received = this.receiver.await(2, WAIT);
		assertThat(received).hasSize(2).allSatisfy((r) -> {
			assertThat(json(r).get("data").get("name").stringValue()).isEqualTo("First");
			assertThat(json(r).get("data").get("priority").stringValue()).isEqualTo("high");
		});
	}

	@Test
	void eventWhenCardDeletedBeforeWorkerRanThenDropped() throws Exception {
		UUID item = this.sandbox.workItemId("WEB-3");
		this.sandbox.webhooks().pause();
		this.sandbox.person("alice@launcher.local").editWorkItem(item, Map.of("name", "Gone soon"));
		this.sandbox.person("admin@launcher.local").deleteWorkItem(item);
		this.sandbox.webhooks().resume();
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.receiver.received()).isEmpty();
	}

	// ---- what fires nothing

	@Test
	void deleteArchiveAndCommentDeleteWhenDoneInTaskerOrByApiThenNothingFires() throws Exception {
		SandboxPerson alice = this.sandbox.person("alice@launcher.local");
		UUID comment = alice.addComment(this.sandbox.workItemId("WEB-1"), "<p>To delete</p>");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.receiver.received()).hasSize(1);
		this.sandbox.webhooks().clearDeliveries();

		alice.deleteComment(comment);
		alice.archiveWorkItem(this.sandbox.workItemId("WEB-2"));
		alice.deleteWorkItem(this.sandbox.workItemId("WEB-3"));
		UUID own = UUID
			.fromString(json(api("POST", this.prj + "work-items/", "{\"name\":\"mine\"}")).get("id").stringValue());
		assertThat(this.receiver.await(2, WAIT)).hasSize(2);
		assertThat(api("DELETE", this.prj + "work-items/" + own + "/", null).statusCode()).isEqualTo(204);

		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).hasSize(1)
			.allSatisfy((d) -> assertThat(d.action()).isEqualTo("created"));
	}

	// ---- answers, retries and deactivation

	@Test
	void deliveryWhenReceiverAnswersNon2xxThenNotRetried() throws Exception {
		this.receiver.answer(503);
		api("POST", this.prj + "work-items/", "{\"name\":\"x\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).singleElement().satisfies((d) -> {
			assertThat(d.status()).isEqualTo(503);
			assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		});
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.sandbox.webhooks().get(this.webhook.id()).active()).isTrue();
	}

	@Test
	void deliveryWhenReceiverUnreachableThenRetriedFiveTimesAndWebhookDeactivated() throws Exception {
		String dead;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			dead = "http://127.0.0.1:" + socket.getLocalPort() + "/gone";
		}
		this.sandbox.webhooks().delete(this.webhook.id());
		WebhookRegistration unreachable = this.sandbox.webhooks().register(dead, CARDS);
		api("POST", this.prj + "work-items/", "{\"name\":\"x\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();

		List<WebhookDelivery> attempts = this.sandbox.webhooks().deliveries();
		assertThat(attempts).hasSize(1 + WebhookSender.MAX_RETRIES);
		assertThat(attempts).map(WebhookDelivery::retry).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(attempts).allSatisfy((a) -> assertThat(a.outcome()).isEqualTo(Outcome.TRANSPORT_ERROR));
		// Each attempt is a new delivery id over the same body.
		assertThat(attempts.stream().map(WebhookDelivery::deliveryId).distinct()).hasSize(6);
		assertThat(attempts.stream().map(WebhookDelivery::body).distinct()).hasSize(1);
		assertThat(this.sandbox.webhooks().get(unreachable.id()).active()).isFalse();

		this.sandbox.webhooks().clearDeliveries();
		api("POST", this.prj + "work-items/", "{\"name\":\"y\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).isEmpty();
	}

	// ---- private receivers

	@Test
	void registerWhenLoopbackNotAllowedThenRefusedLikePlane() {
		try (TaskerSandbox plain = TaskerSandbox.start(SandboxOptions.forTests())) {
			assertThatIllegalArgumentException().isThrownBy(() -> plain.webhooks().register(this.receiver.url(), CARDS))
				.withMessageContaining("Invalid or disallowed webhook URL.");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> plain.webhooks().register("http://localhost/hook", CARDS))
				.withMessageContaining("Local URLs are not allowed.");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> plain.webhooks().register("ftp://example.com/hook", CARDS))
				.withMessageContaining("Only HTTP and HTTPS");
		}
	}

	@Test
	void sendWhenAllowanceRemovedThenDroppedSilentlyAndWhenHostAllowedThenSent() throws Exception {
		this.sandbox.webhooks().allow(List.of(), List.of());
		api("POST", this.prj + "work-items/", "{\"name\":\"blocked\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).singleElement()
			.satisfies((d) -> assertThat(d.outcome()).isEqualTo(Outcome.BLOCKED));
		assertThat(this.receiver.received()).isEmpty();

		this.sandbox.webhooks().allow(List.of(), List.of("127.0.0.1"));
		api("POST", this.prj + "work-items/", "{\"name\":\"allowed by name\"}");
		assertThat(this.receiver.await(1, WAIT)).hasSize(1);
	}

	@Test
	void eventsWhenNotSubscribedOrWebhookInactiveThenNothingSent() throws Exception {
		this.sandbox.webhooks().subscribe(this.webhook.id(), EnumSet.of(WebhookEvent.ISSUE_COMMENT));
		api("POST", this.prj + "work-items/", "{\"name\":\"not subscribed\"}");
		this.sandbox.webhooks().setActive(this.webhook.id(), false);
		this.sandbox.person("alice@launcher.local").addComment(this.sandbox.workItemId("WEB-1"), "<p>off</p>");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).isEmpty();
	}

	// ---- a person in the web app

	@Test
	void personWhenMovingStateAndCommentingThenWebAppFieldNamesAndThatActor() throws Exception {
		SandboxPerson bob = this.sandbox.person("bob@launcher.local");
		UUID item = this.sandbox.workItemId("WEB-2");
		bob.moveState(item, "Done");
		UUID comment = bob.addComment(item, "<p>Shipped.</p>");
		bob.editComment(comment, "<p>Shipped on Friday.</p>");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();

		List<JsonNode> bodies = this.receiver.received().stream().map(SandboxWebhooksTests::json).toList();
		assertThat(bodies).hasSize(3);
		assertThat(bodies).allSatisfy((b) -> assertThat(b.get("activity").get("actor").get("email").stringValue())
			.isEqualTo("bob@launcher.local"));
		JsonNode moved = bodies.get(0);
		assertThat(moved.get("activity").get("field").stringValue()).isEqualTo("state_id");
		assertThat(moved.get("data").get("state").get("name").stringValue()).isEqualTo("Done");
		assertThat(moved.get("data").get("completed_at").isNull()).isFalse();
		assertThat(bodies.get(1).get("event").stringValue()).isEqualTo("issue_comment");
		assertThat(bodies.get(1).get("action").stringValue()).isEqualTo("created");
		assertThat(bodies.get(2).get("activity").get("field").stringValue()).isEqualTo("comment_html");
		assertThat(bodies.get(2).get("data").get("comment_html").stringValue()).isEqualTo("<p>Shipped on Friday.</p>");
		assertThat(bodies.get(2).get("data").get("edited_at").isNull()).isFalse();
	}

	@Test
	void personWhenEditingLabelsThenUpdatedAtMovesAndTheListPutsTheCardFirst() throws Exception {
		UUID item = this.sandbox.workItemId("WEB-1");
		String before = json(api("GET", this.prj + "work-items/" + item + "/", null)).get("updated_at").stringValue();
		this.sandbox.person("alice@launcher.local")
			.editWorkItem(item, Map.of("label_ids", List.of(label("docs").toString())));
		JsonNode page = json(api("GET", this.prj + "work-items/?order_by=-updated_at&fields=id,updated_at", null));
		assertThat(page.get("results").get(0).get("id").stringValue()).isEqualTo(item.toString());
		assertThat(page.get("results").get(0).get("updated_at").stringValue()).isGreaterThan(before);
	}

	@Test
	void personWhenNotAMemberOrFieldUnknownThenRefused() {
		UUID opsCard = this.sandbox.workItemId("OPS-1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sandbox.person("bob@launcher.local").editWorkItem(opsCard, Map.of("name", "x")));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.sandbox.person("alice@launcher.local").editWorkItem(opsCard, Map.of("sequence_id", 9)));
	}

	// ---- faults

	@Test
	void faultWhenDropThenNotSentAndJournalled() throws Exception {
		this.sandbox.webhooks().faultNext(WebhookFault.DROP, 1);
		api("POST", this.prj + "work-items/", "{\"name\":\"lost\"}");
		api("POST", this.prj + "work-items/", "{\"name\":\"kept\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).map(WebhookDelivery::outcome)
			.containsExactly(Outcome.DROPPED, Outcome.DELIVERED);
		assertThat(this.receiver.received()).singleElement()
			.satisfies((r) -> assertThat(json(r).get("data").get("name").stringValue()).isEqualTo("kept"));
	}

	@Test
	void faultWhenDuplicateThenSameBodyAndSignatureUnderNewDeliveryId() throws Exception {
		this.sandbox.webhooks().faultNext(WebhookFault.DUPLICATE, 1);
		api("POST", this.prj + "work-items/", "{\"name\":\"twice\"}");
		List<Received> received = this.receiver.await(2, WAIT);
		assertThat(received).hasSize(2);
		assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
		assertThat(received.get(0).header("X-Plane-Signature")).isEqualTo(received.get(1).header("X-Plane-Signature"));
		assertThat(received.get(0).header("X-Plane-Delivery")).isNotEqualTo(received.get(1).header("X-Plane-Delivery"));
	}

	@Test
	void faultWhenReorderThenDeliveredAfterTheNextOne() throws Exception {
		this.sandbox.webhooks().faultNext(WebhookFault.REORDER, 1);
		api("POST", this.prj + "work-items/", "{\"name\":\"first\"}");
		api("POST", this.prj + "work-items/", "{\"name\":\"second\"}");
		assertThat(this.receiver.await(2, WAIT)).map((r) -> json(r).get("data").get("name").stringValue())
			.containsExactly("second", "first");
	}

	@Test
	void faultWhenDelayThenLaterDeliveryOvertakes() throws Exception {
		this.sandbox.webhooks().delayBy(Duration.ofMillis(300));
		this.sandbox.webhooks().faultNext(WebhookFault.DELAY, 1);
		api("POST", this.prj + "work-items/", "{\"name\":\"slow\"}");
		api("POST", this.prj + "work-items/", "{\"name\":\"fast\"}");
		assertThat(this.receiver.await(2, WAIT)).map((r) -> json(r).get("data").get("name").stringValue())
			.containsExactly("fast", "slow");
	}

	@Test
	void faultWhenBadSignatureThenSignatureDoesNotVerify() throws Exception {
		this.sandbox.webhooks().faultNext(WebhookFault.BAD_SIGNATURE, 1);
		api("POST", this.prj + "work-items/", "{\"name\":\"forged\"}");
		Received delivery = this.receiver.await(1, WAIT).get(0);
		assertThat(delivery.header("X-Plane-Signature")).matches("[0-9a-f]{64}");
		assertThat(MessageDigest.isEqual(hmac(this.webhook.secretKey(), delivery.body()),
				HexFormat.of().parseHex(delivery.header("X-Plane-Signature"))))
			.isFalse();
	}

	@Test
	void faultWhenGivenAsRateThenAppliedToThatShareOfDeliveries() throws Exception {
		this.sandbox.webhooks().faultRate(WebhookFault.DROP, 1.0);
		for (int i = 0; i < 3; i++) {
			api("POST", this.prj + "work-items/", "{\"name\":\"r" + i + "\"}");
		}
		// Faults are drawn when the worker runs, so let it run before the rate changes.
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		this.sandbox.webhooks().faultRate(WebhookFault.DROP, 0.0);
		api("POST", this.prj + "work-items/", "{\"name\":\"through\"}");
		assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
		assertThat(this.sandbox.webhooks().deliveries()).map(WebhookDelivery::outcome)
			.containsExactly(Outcome.DROPPED, Outcome.DROPPED, Outcome.DROPPED, Outcome.DELIVERED);
	}

	// ---- the control path

	@Test
	void controlPathWhenUsedOverHttpThenRegistersActsInjectsAndJournals() throws Exception {
		RecordingReceiver second = new RecordingReceiver();
		try (second) {
			HttpResponse<String> registered = control("POST", "/_sandbox/webhooks",
					"{\"url\":\"" + second.url() + "\",\"issue\":true}");
			assertThat(registered.statusCode()).isEqualTo(201);
			assertThat(json(registered).get("secret_key").stringValue()).startsWith("plane_wh_");
			assertThat(json(registered).get("issue_comment").booleanValue()).isFalse();
			assertThat(
					control("POST", "/_sandbox/webhooks", "{\"url\":\"" + second.url() + "\",\"issue\":true}").body())
				.isEqualTo("{\"error\":\"URL already exists for the workspace\"}");
			this.sandbox.webhooks().delete(this.webhook.id());

			assertThat(control("POST", "/_sandbox/webhook-faults", "{\"next\":{\"duplicate\":1}}").statusCode())
				.isEqualTo(204);
			assertThat(
					control("PATCH", "/_sandbox/people/alice@launcher.local/work-items/WEB-1", "{\"priority\":\"low\"}")
						.statusCode())
				.isEqualTo(204);
			assertThat(this.sandbox.webhooks().awaitIdle(WAIT)).isTrue();
			assertThat(second.received()).hasSize(2);
			JsonNode journal = json(control("GET", "/_sandbox/webhook-deliveries", null));
			assertThat(journal.size()).isEqualTo(2);
			assertThat(journal.get(0).get("field").stringValue()).isEqualTo("priority");
			assertThat(control("PATCH", "/_sandbox/people/bob@launcher.local/work-items/OPS-1", "{\"name\":\"no\"}")
				.statusCode()).isEqualTo(400);
		}
	}

	// ----

	private UUID label(String name) throws Exception {
		for (JsonNode label : json(api("GET", this.prj + "labels/", null)).get("results").values()) {
			if (label.get("name").stringValue().equals(name)) {
				return UUID.fromString(label.get("id").stringValue());
			}
		}
		throw new IllegalStateException(name);
	}

	private HttpResponse<String> api(String method, String path, String body) throws Exception {
		return send(method, path, body, this.sandbox.demoApiKey());
	}

	private HttpResponse<String> control(String method, String path, String body) throws Exception {
		return send(method, path, body, null);
	}

	private HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.sandbox.baseUrl() + path))
			.timeout(Duration.ofSeconds(5))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] hmac(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(body);
	}

	private static JsonNode json(Received received) {
		return Json.MAPPER.readTree(received.body());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.MAPPER.readTree(response.body());
	}

}
