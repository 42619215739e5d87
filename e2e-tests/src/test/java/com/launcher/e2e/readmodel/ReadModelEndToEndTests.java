package com.launcher.e2e.readmodel;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.budget.BudgetCalls;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;
import com.launcher.tasker.sandbox.WebhookDelivery;
import com.launcher.tasker.sandbox.WebhookEvent;
import com.launcher.tasker.sandbox.WebhookFault;
import com.launcher.tasker.sandbox.WebhookOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.budget.BudgetCalls.args;
import static com.launcher.e2e.budget.BudgetCalls.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model on the built zip with the sandbox's Plane-shaped webhooks: a first fill,
 * reads served from the copy without a Tasker call, webhooks applied and bad ones refused
 * with their status, duplicates, reordering and drops healed, deletes noticed by the
 * sweep, a removed grant no longer served, and Tasker down. Tests that must see webhooks
 * alone hold the sync's advisory lock, as another node running the sync would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelEndToEndTests {

	private static final String SECRET = "plane_wh_0123456789abcdef0123456789abcdef";

	/** The sync's advisory lock key (PgSyncLock.KEY). */
	private static final long SYNC_LOCK = 0x6167772d726dL;

	private static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

	private static final String ALICE = "alice@launcher.local";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static TaskerSandbox sandbox;

	private static JdbcTemplate jdbc;

	private static UUID web;

	private static String token;

	private static Connection lockHolder;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1,
				SandboxOptions.forTests()
					.withRateLimit(1_000_000, Duration.ofMinutes(1))
					.withWebhooks(WebhookOptions.plane().allowingLoopback().withTiming(Duration.ofSeconds(2), 0.0001)),
				Map.of("agent-gateway.read-model.enabled", true, "launcher.secrets.agent-gateway.tasker-webhook-secret",
						SECRET, "agent-gateway.read-model.sync-interval", "1s",
						"agent-gateway.read-model.sweep-interval", "1s", "agent-gateway.read-model.purge-after", "1s",
						"agent-gateway.read-model.webhook-max-bytes", 65536));
		node = cluster.node();
		sandbox = cluster.sandbox();
		jdbc = cluster.jdbc();
		BudgetCalls.liftLimits(node);
		web = node.projectId("alice", "WEB");
		token = BudgetCalls.agent(node, "alice", "copy-reader", web, "WRITE");
		sandbox.webhooks()
			.register("http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/tasker/webhook", SECRET,
					EnumSet.of(WebhookEvent.PROJECT, WebhookEvent.ISSUE, WebhookEvent.ISSUE_COMMENT));
	}

	@AfterAll
	static void stop() {
		releaseSync();
		if (cluster != null) {
			cluster.close();
		}
	}

	@AfterEach
	void clearFaults() {
		sandbox.clearFaults();
		sandbox.webhooks().clearFaults();
		releaseSync();
	}

	@Test
	@Order(1)
	void readsWhenTheGrantedProjectIsFilledThenServedFromTheCopyWithoutATaskerCall() {
		// The grant made before this test: the sync's first pass fills the project, or
		// this first read asks it to and is read through meanwhile.
		JsonNode first = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2"));
		assertThat(errorCode(first)).isNull();
		await("the first fill", () -> filled(web));
		holdSync();
		sandbox.clearJournal();

		JsonNode card = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2"));
		JsonNode list = read("list_work_items", args("project_id", web.toString(), "text", "footer"));
		JsonNode states = read("list_states", args("project_id", web.toString()));
		JsonNode labels = read("list_labels", args("project_id", web.toString()));

		assertThat(card.path("structuredContent").path("work_item").path("title").path("text").asString())
			.isEqualTo("Update the footer links");
		assertThat(Instant.parse(card.path("structuredContent").path("as_of").asString()))
			.isBefore(Instant.now().plusSeconds(1));
		assertThat(list.path("structuredContent").path("work_items")).hasSize(1);
		assertThat(list.path("structuredContent").path("as_of").asString()).isNotEmpty();
		assertThat(states.path("structuredContent").path("states").size()).isPositive();
		assertThat(labels.path("structuredContent").path("as_of").asString()).isNotEmpty();
		assertThat(taskerCalls()).as("served from the copy").isEmpty();
	}

	@Test
	@Order(2)
	void freshWhenAskedThenReadFromTaskerNowAndTheCopyRefreshed() {
		holdSync();
		sandbox.clearJournal();

		JsonNode fresh = read("get_work_item",
				args("project_id", web.toString(), "work_item_id", "WEB-1", "fresh", true));

		assertThat(fresh.path("structuredContent").path("as_of").isNull()).isTrue();
		assertThat(taskerCalls()).hasSize(1);
	}

	@Test
	@Order(3)
	void webhookWhenAPersonEditsInTaskerThenTheChangeIsServedWithoutATaskerCallByTheRead() {
		holdSync();
		UUID card = sandbox.workItemId("WEB-3");
		sandbox.webhooks().clearDeliveries();
		sandbox.person(ALICE).editWorkItem(card, Map.of("name", "Dark mode, edited by a person"));
		assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
		sandbox.clearJournal();

		JsonNode read = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-3"));

		assertThat(sandbox.webhooks().deliveries()).extracting(WebhookDelivery::status).containsOnly(200);
		assertThat(sandbox.webhooks().deliveries().get(0).outcome()).isEqualTo(WebhookDelivery.Outcome.DELIVERED);
		assertThat(read.path("structuredContent").path("work_item").path("title").path("text").asString())
			.isEqualTo("Dark mode, edited by a person");
		assertThat(taskerCalls()).isEmpty();
	}

	@Test
	@Order(4)
	void webhookWhenBadThenRefusedWithItsStatusAndNothingApplied() throws Exception {
		holdSync();
		UUID card = sandbox.workItemId("WEB-3");
		sandbox.webhooks().clearDeliveries();
		sandbox.person(ALICE).editWorkItem(card, Map.of("priority", "high"));
		assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
		WebhookDelivery valid = sandbox.webhooks().deliveries().get(0);
		String title = "Dark mode, edited by a person";
		ObjectNode forged = (ObjectNode) JSON.readTree(valid.body());
		((ObjectNode) forged.path("data")).put("name", "forged title");
		byte[] forgedBody = JSON.writeValueAsBytes(forged);
		ObjectNode old = (ObjectNode) JSON.readTree(valid.body());
		((ObjectNode) old.path("data")).put("name", "an old snapshot");
		((ObjectNode) old.path("data")).put("updated_at", "2020-01-01T00:00:00Z");
		byte[] oldBody = JSON.writeValueAsBytes(old);

		assertThat(post(forgedBody, null, UUID.randomUUID())).isEqualTo("401 signature_missing");
		assertThat(post(forgedBody, sign(valid.bodyBytes()), UUID.randomUUID())).isEqualTo("401 signature_invalid");
		assertThat(post(new byte[70_000], sign(new byte[70_000]), UUID.randomUUID())).isEqualTo("413 too_large");
		byte[] garbage = "{\"event\":\"issue\",".getBytes(StandardCharsets.UTF_8);
		assertThat(post(garbage, sign(garbage), UUID.randomUUID())).isEqualTo("400 malformed");
		assertThat(post(valid.bodyBytes(), valid.header("X-Plane-Signature"),
				UUID.fromString(valid.header("X-Plane-Delivery"))))
			.isEqualTo("409 replayed");
		assertThat(post(oldBody, sign(oldBody), UUID.randomUUID())).isEqualTo("409 stale");
		assertThat(post(valid.bodyBytes(), valid.header("X-Plane-Signature"), UUID.randomUUID()))
			.as("the same snapshot under a new id: a duplicate changes nothing")
			.isEqualTo("200 unchanged");

		JsonNode read = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-3"));
		assertThat(read.path("structuredContent").path("work_item").path("title").path("text").asString())
			.isEqualTo(title);
		assertThat(read.path("structuredContent").path("work_item").path("priority").asString()).isEqualTo("high");

		// Issue 14 point 7: operators see the deliveries by outcome and the sync lag, as
		// metrics and on the admin page.
		HttpResponse<String> metrics = node.get("admin", "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		for (String outcome : List.of("signature_missing", "signature_invalid", "too_large", "malformed", "replayed",
				"stale", "unchanged")) {
			assertThat(metrics.body()).as(outcome)
				.containsPattern(
						"agent_gateway_webhook_deliveries_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\} [1-9]");
		}
		assertThat(metrics.body()).containsPattern("agent_gateway_sync_lag(\\{[^}]*\\})? [0-9]");
		HttpResponse<String> page = node.get("admin", "/plugins/agent-gateway/admin/tasker-budget");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sync lag by project")
			.contains(">WEB<")
			.contains(">signature_invalid<")
			.doesNotContain("The copy is off");
	}

	@Test
	@Order(5)
	void webhooksWhenDuplicatedAndReorderedThenTheNewestSnapshotIsKept() {
		holdSync();
		UUID card = sandbox.workItemId("WEB-3");
		sandbox.webhooks().faultNext(WebhookFault.REORDER, 1);
		sandbox.webhooks().faultNext(WebhookFault.DUPLICATE, 2);
		sandbox.person(ALICE).editWorkItem(card, Map.of("name", "first edit"));
		sandbox.person(ALICE).editWorkItem(card, Map.of("name", "second edit"));
		assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();

		JsonNode read = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-3"));

		assertThat(read.path("structuredContent").path("work_item").path("title").path("text").asString())
			.isEqualTo("second edit");
	}

	@Test
	@Order(6)
	void webhookWhenDroppedThenTheSyncHealsTheCopyWithinTheInterval() {
		holdSync();
		UUID card = sandbox.workItemId("WEB-1");
		sandbox.webhooks().faultNext(WebhookFault.DROP, 10);
		sandbox.person(ALICE).editWorkItem(card, Map.of("name", "renamed, webhook lost"));
		assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(title("WEB-1")).as("not yet: the webhook was lost").isNotEqualTo("renamed, webhook lost");

		long released = System.nanoTime();
		releaseSync();
		await("the sync's next pass", () -> "renamed, webhook lost".equals(title("WEB-1")));

		assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(SYNC_INTERVAL.multipliedBy(5));
	}

	@Test
	@Order(7)
	void sweepWhenACardIsDeletedOrArchivedInTaskerThenItLeavesTheCopy() {
		UUID deleted = sandbox.person(ALICE).createWorkItem("WEB", "to be deleted");
		UUID archived = sandbox.person(ALICE).createWorkItem("WEB", "to be archived");
		await("both copied", () -> listed("to be").size() == 2);

		sandbox.person(ALICE).deleteWorkItem(deleted);
		sandbox.person(ALICE).archiveWorkItem(archived);

		await("noticed by the sweep", () -> listed("to be").isEmpty());
	}

	@Test
	@Order(8)
	void taskerDownWhenReadingThenTheCopyAnswersAndAWriteFailsCleanlyAndSucceedsOnRetry() {
		holdSync();
		sandbox.failNext(1000, 503, "{\"error\":\"down\"}");

		JsonNode read = read("list_work_items", args("project_id", web.toString()));
		JsonNode write = read("update_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2",
				"priority", "low", "idempotency_key", "down-retry-1"));

		assertThat(errorCode(read)).isNull();
		assertThat(read.path("structuredContent").path("as_of").asString()).isNotEmpty();
		assertThat(errorCode(write)).isEqualTo("tasker_unavailable");
		sandbox.clearFaults();
		JsonNode retried = read("update_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2",
				"priority", "low", "idempotency_key", "down-retry-1"));
		assertThat(errorCode(retried)).isNull();
		sandbox.clearJournal();
		JsonNode after = read("get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2"));
		assertThat(after.path("structuredContent").path("work_item").path("priority").asString())
			.as("the write's answer refreshed the copy at once")
			.isEqualTo("low");
		assertThat(taskerCalls()).isEmpty();
	}

	@Test
	@Order(9)
	void grantWhenRemovedThenTheProjectIsReleasedAndPurged() {
		UUID ops = node.projectId("alice", "OPS");
		UUID agent = node.createAgent("alice", "ops-reader");
		UUID grant = node.grant("alice", agent, ops, "READ");
		String opsToken = node.mint("alice", agent)[1];
		assertThat(errorCode(BudgetCalls.tool(node, opsToken, "list_work_items", args("project_id", ops.toString()))))
			.isNull();
		await("OPS filled", () -> filled(ops));

		HttpResponse<String> removed = node
			.send(node.as("alice", LauncherNode.API + "/agents/" + agent + "/grants/" + grant).DELETE());
		assertThat(removed.statusCode()).isIn(200, 204);

		assertThat(errorCode(BudgetCalls.tool(node, opsToken, "list_work_items", args("project_id", ops.toString()))))
			.isEqualTo("project_not_granted");
		await("released and purged", () -> jdbc
			.queryForObject("SELECT count(*) FROM agw_rm_project WHERE project_id = ?", Long.class, ops) == 0);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agw_rm_card WHERE project_id = ?", Long.class, ops))
			.isZero();
	}

	private static JsonNode read(String tool, Map<String, Object> arguments) {
		return BudgetCalls.tool(node, token, tool, arguments);
	}

	private static String title(String readableId) {
		return read("get_work_item", args("project_id", web.toString(), "work_item_id", readableId))
			.path("structuredContent")
			.path("work_item")
			.path("title")
			.path("text")
			.asString();
	}

	private static List<JsonNode> listed(String text) {
		return read("list_work_items", args("project_id", web.toString(), "text", text)).path("structuredContent")
			.path("work_items")
			.valueStream()
			.toList();
	}

	/** Tasker calls other than the owner's membership check (kept for its bound). */
	private static List<JournalEntry> taskerCalls() {
		return sandbox.journal().stream().filter((entry) -> !entry.path().endsWith("/members/")).toList();
	}

	private static boolean filled(UUID project) {
		return Boolean.TRUE.equals(
				jdbc.queryForObject("SELECT coalesce(bool_or(filled), false) FROM agw_rm_project WHERE project_id = ?",
						Boolean.class, project));
	}

	private static String post(byte[] body, String signature, UUID deliveryId) {
		HttpRequest.Builder request = node.anonymous("/plugins/agent-gateway/tasker/webhook")
			.header("Content-Type", "application/json")
			.header("X-Plane-Event", "issue")
			.header("X-Plane-Delivery", deliveryId.toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Plane-Signature", signature);
		}
		HttpResponse<String> response = node.send(request);
		JsonNode answer = JSON.readTree(response.body());
		return response.statusCode() + " " + answer.path(response.statusCode() == 200 ? "result" : "error").asString();
	}

	private static String sign(byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	/**
	 * Holds the sync's advisory lock, as a node running a long pass would: no pass runs.
	 */
	private static void holdSync() {
		if (lockHolder != null) {
			return;
		}
		try {
			lockHolder = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
			try (Statement statement = lockHolder.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + SYNC_LOCK + ")");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void releaseSync() {
		if (lockHolder == null) {
			return;
		}
		try {
			lockHolder.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			lockHolder = null;
		}
	}

	private static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
