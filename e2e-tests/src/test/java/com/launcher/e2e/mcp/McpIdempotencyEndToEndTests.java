package com.launcher.e2e.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import com.launcher.tasker.sandbox.JournalEntry;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static com.launcher.e2e.mcp.McpClients.args;
import static com.launcher.e2e.mcp.McpClients.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures I1–I4 of security.md over real HTTP, real PostgreSQL and the Tasker sandbox's
 * delay and fault injection. Tool calls are raw JSON-RPC so that fifty of them can be
 * fired at the same instant; the SDK client adds nothing to what is measured here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpIdempotencyEndToEndTests {

	/**
	 * I1 asks for 100 rounds; 100 rounds of 50 concurrent calls fit in about a minute on
	 * two cores, so the full figure is run.
	 */
	static final int I1_ROUNDS = Integer.getInteger("e2e.i1.rounds", 100);

	static final int I1_CONCURRENCY = 50;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static TestAgent agent;

	private static String card;

	private static final AtomicIds ids = new AtomicIds();

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		agent = McpClients.agent(node, "alice", "idempotency-agent", Map.of(web, "WRITE"));
		card = cluster.sandbox().addWorkItem(cluster.sandbox().projectId("WEB"), "Comment target").toString();
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void resetSandbox() {
		cluster.sandbox().clearFaults();
		cluster.sandbox().clearJournal();
	}

	// ---- I2

	@Test
	@Order(1)
	void createWhenSameKeyWithDifferentArgumentsThenKeyReusedAndNoSecondWrite() {
		String key = key();
		JsonNode first = result(callTool("create_work_item", create(key, "I2 original")));
		assertThat(first.path("isError").asBoolean()).isFalse();
		assertThat(code(callTool("create_work_item", create(key, "I2 different title"))))
			.isEqualTo("idempotency_key_reused");
		assertThat(code(callTool("add_comment",
				args("project_id", web.toString(), "idempotency_key", key, "work_item_id", card, "body", "x"))))
			.as("same key, another tool")
			.isEqualTo("idempotency_key_reused");
		JsonNode replay = result(callTool("create_work_item", create(key, "I2 original")));
		assertThat(replay.path("structuredContent").path("replayed").asBoolean()).isTrue();
		assertThat(McpClients.journal(cluster, JournalEntry::isWrite)).hasSize(1);
		assertThat(cardsTitled("I2 different title")).isZero();
	}

	@Test
	@Order(2)
	void createWhenSameKeyArrivesWhileFirstInFlightThenReusedOrInProgressAndOneWrite() throws Exception {
		String key = key();
		// Every Tasker call waits 2 s, so the first call's write is held in flight; once
		// its claim exists and its write has left, the delay is lifted for the others.
		cluster.sandbox().addLatency(Duration.ofMillis(2000));
		CompletableFuture<HttpResponse<String>> first = CompletableFuture
			.supplyAsync(() -> callTool("create_work_item", create(key, "I2 in flight")));
		awaitTrue("claim is in progress", () -> "IN_PROGRESS".equals(claimStatus(key)));
		Thread.sleep(200);
		cluster.sandbox().addLatency(Duration.ZERO);
		assertThat(code(callTool("create_work_item", create(key, "I2 in flight, other args"))))
			.isEqualTo("idempotency_key_reused");
		assertThat(claimStatus(key)).as("the first call is still running").isEqualTo("IN_PROGRESS");
		assertThat(code(callTool("create_work_item", create(key, "I2 in flight"))))
			.isEqualTo("idempotency_in_progress");
		JsonNode firstResult = result(first.get(30, TimeUnit.SECONDS));
		assertThat(firstResult.path("isError").asBoolean()).isFalse();
		cluster.sandbox().clearFaults();
		assertThat(McpClients.journal(cluster, JournalEntry::isWrite)).hasSize(1);
		assertThat(cardsTitled("I2 in flight")).isEqualTo(1);
		assertThat(cardsTitled("I2 in flight, other args")).isZero();
	}

	// ---- I3

	@Test
	@Order(3)
	void createWhenTaskerRejectsThenKeyReleasedAndRetryWithSameKeyCreatesExactlyOneCard() throws Exception {
		String key = key();
		HttpResponse<String> failed = withFaultOnTheWrite(key, "I3 rejected first",
				() -> cluster.sandbox().failNext(1, 400, "{\"error\":\"temporarily invalid\"}"));
		assertThat(result(failed).path("isError").asBoolean()).isTrue();
		assertThat(code(failed)).isEqualTo("tasker_rejected");
		assertThat(claimStatus(key)).as("a definite failure releases the key").isNull();
		assertThat(McpClients.journal(cluster, McpClients::isCreate)).extracting(JournalEntry::status)
			.containsExactly(400);
		JsonNode retry = result(callTool("create_work_item", create(key, "I3 rejected first")));
		assertThat(retry.path("isError").asBoolean()).isFalse();
		assertThat(retry.path("structuredContent").path("replayed").asBoolean()).isFalse();
		assertThat(cardsTitled("I3 rejected first")).isEqualTo(1);
		assertThat(claimStatus(key)).isEqualTo("COMPLETED");
	}

	@Test
	@Order(4)
	void createWhenConnectionDroppedBeforeTaskerAppliedThenRetryWithSameKeyCreatesExactlyOneCard() throws Exception {
		String key = key();
		HttpResponse<String> dropped = withFaultOnTheWrite(key, "I3 dropped first",
				() -> cluster.sandbox().dropNext(1));
		assertThat(result(dropped).path("isError").asBoolean()).isTrue();
		assertThat(code(dropped)).isIn("outcome_unknown", "tasker_unavailable");
		assertThat(cardsTitled("I3 dropped first")).isZero();
		JsonNode retry = result(callTool("create_work_item", create(key, "I3 dropped first")));
		assertThat(retry.path("isError").asBoolean()).isFalse();
		assertThat(cardsTitled("I3 dropped first")).isEqualTo(1);
		JsonNode again = result(callTool("create_work_item", create(key, "I3 dropped first")));
		assertThat(again.path("structuredContent").path("replayed").asBoolean()).isTrue();
		assertThat(cardsTitled("I3 dropped first")).isEqualTo(1);
	}

	// ---- I4

	@Test
	@Order(5)
	void createWhenTaskerAppliesThenResetsThenOutcomeUnknownAndRetryCreatesNoSecondCard() {
		String key = key();
		cluster.sandbox().resetAfterNextWrites(1);
		HttpResponse<String> unknown = callTool("create_work_item", create(key, "I4 applied then reset"));
		assertThat(code(unknown)).isEqualTo("outcome_unknown");
		assertThat(claimStatus(key)).as("kept for reconciliation").isEqualTo("UNKNOWN");
		assertThat(cardsTitled("I4 applied then reset")).as("Tasker did apply it").isEqualTo(1);
		JsonNode retry = result(callTool("create_work_item", create(key, "I4 applied then reset")));
		assertThat(retry.path("isError").asBoolean()).isFalse();
		assertThat(cardsTitled("I4 applied then reset")).isEqualTo(1);
		assertThat(McpClients.journal(cluster, McpClients::isCreate))
			.as("the retry looked the card up, it did not post")
			.hasSize(1);
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("GET") && e.query().contains("external_id=")))
			.isNotEmpty();
		String externalId = McpClients.JSON.readTree(McpClients.journal(cluster, McpClients::isCreate).get(0).body())
			.path("external_id")
			.asString();
		assertThat(retry.path("structuredContent").path("work_item").path("created_by_this_agent").asBoolean())
			.isTrue();
		assertThat(externalId).startsWith("agw-" + agent.id());
		assertThat(claimStatus(key)).isEqualTo("COMPLETED");
	}

	@Test
	@Order(6)
	void addCommentWhenTaskerAppliesThenResetsThenRetryPostsNoSecondComment() {
		String key = key();
		String body = "I4 comment " + UUID.randomUUID();
		Map<String, Object> arguments = args("project_id", web.toString(), "idempotency_key", key, "work_item_id", card,
				"body", body);
		cluster.sandbox().resetAfterNextWrites(1);
		assertThat(code(callTool("add_comment", arguments))).isEqualTo("outcome_unknown");
		JsonNode retry = result(callTool("add_comment", arguments));
		assertThat(retry.path("isError").asBoolean()).isFalse();
		JsonNode comments = taskerGet("/projects/" + web + "/work-items/" + card + "/comments/?per_page=1000");
		assertThat(
				comments.path("results").valueStream().filter((c) -> c.path("comment_html").asString().contains(body)))
			.hasSize(1);
	}

	// ---- I1

	/**
	 * I1: {@value #I1_CONCURRENCY} identical {@code create_work_item} calls (same agent,
	 * key and arguments) released at once, {@link #I1_ROUNDS} rounds, Tasker delayed by
	 * 25 ms per call: exactly one Tasker write per round and no server error.
	 */
	@Test
	@Order(10)
	void createWhen50IdenticalCallsRaceFor100RoundsThenExactlyOneTaskerWritePerRoundAndNoServerError()
			throws Exception {
		cluster.sandbox().addLatency(Duration.ofMillis(25));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(8))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		ExecutorService pool = Executors.newFixedThreadPool(I1_CONCURRENCY);
		int serverErrors = 0;
		int successes = 0;
		int inProgress = 0;
		List<String> titles = new ArrayList<>();
		try {
			for (int round = 0; round < I1_ROUNDS; round++) {
				String key = "i1-" + round + "-" + UUID.randomUUID();
				String title = "I1 round " + round + " " + UUID.randomUUID();
				titles.add(title);
				String body = McpClients.toolCall(round, "create_work_item", create(key, title));
				CountDownLatch go = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> calls = new ArrayList<>();
				for (int i = 0; i < I1_CONCURRENCY; i++) {
					calls.add(pool.submit(() -> {
						go.await();
						return http.send(mcpRequest(body), HttpResponse.BodyHandlers.ofString());
					}));
				}
				go.countDown();
				Set<String> workItems = new java.util.HashSet<>();
				for (Future<HttpResponse<String>> call : calls) {
					HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
					JsonNode envelope = McpClients.JSON.readTree(response.body());
					if (response.statusCode() >= 500 || envelope.has("error")) {
						serverErrors++;
						continue;
					}
					JsonNode result = envelope.path("result");
					if (!result.path("isError").asBoolean()) {
						successes++;
						workItems.add(result.path("structuredContent").path("work_item_id").asString());
					}
					else if ("idempotency_in_progress"
						.equals(result.path("structuredContent").path("code").asString())) {
						inProgress++;
					}
					else {
						serverErrors++;
					}
				}
				assertThat(workItems).as("round %d: every success names the same card", round)
					.hasSizeLessThanOrEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
			cluster.sandbox().clearFaults();
		}
		assertThat(serverErrors).as("server errors or unexpected refusals").isZero();
		assertThat(successes + inProgress).isEqualTo(I1_ROUNDS * I1_CONCURRENCY);
		assertThat(successes).as("at least the winner of each round").isGreaterThanOrEqualTo(I1_ROUNDS);
		Map<String, List<Integer>> writesPerTitle = new java.util.HashMap<>();
		for (JournalEntry entry : McpClients.journal(cluster, JournalEntry::isWrite)) {
			String title = McpClients.JSON.readTree(entry.body()).path("name").asString();
			writesPerTitle.computeIfAbsent(title, (t) -> new ArrayList<>()).add(entry.status());
		}
		List<String> wrong = titles.stream()
			.filter((t) -> !List.of(201).equals(writesPerTitle.get(t)))
			.map((t) -> t + " -> " + writesPerTitle.get(t))
			.toList();
		assertThat(wrong).as("rounds without exactly one Tasker write").isEmpty();
		assertThat(writesPerTitle).hasSize(I1_ROUNDS);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_idempotency WHERE agent_id = ? AND idempotency_key LIKE 'i1-%'"
					+ " AND status = 'COMPLETED'", Long.class, agent.id()))
			.isEqualTo(I1_ROUNDS);
		System.out.printf("I1: %d rounds x %d calls: %d successes (replays included), %d in progress, 0 errors%n",
				I1_ROUNDS, I1_CONCURRENCY, successes, inProgress);
	}

	// ---- helpers

	private static Map<String, Object> create(String key, String title) {
		return args("project_id", web.toString(), "idempotency_key", key, "title", title, "priority", "medium");
	}

	private static HttpRequest mcpRequest(String body) {
		return HttpRequest.newBuilder(node.uri(McpClients.MCP_PATH))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + agent.token())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Protocol-Version", "2025-06-18")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpResponse<String> callTool(String tool, Map<String, Object> arguments) {
		HttpResponse<String> response = node.send(HttpRequest.newBuilder(node.uri(McpClients.MCP_PATH))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + agent.token())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(McpClients.toolCall(ids.next(), tool, arguments))));
		assertThat(response.statusCode()).isEqualTo(200);
		return response;
	}

	/** The tool result of a JSON-RPC response (never a JSON-RPC error here). */
	private static JsonNode result(HttpResponse<String> response) {
		JsonNode envelope = McpClients.JSON.readTree(response.body());
		assertThat(envelope.has("error")).as(response.body()).isFalse();
		return envelope.path("result");
	}

	private static String code(HttpResponse<String> response) {
		return result(response).path("structuredContent").path("code").asString(null);
	}

	/**
	 * Runs a create and injects a fault that hits its Tasker write, not the membership
	 * look-up before it: every Tasker call is delayed, and the fault is armed once the
	 * look-up has been answered, while the write is still waiting out its delay.
	 */
	private static HttpResponse<String> withFaultOnTheWrite(String key, String title, Runnable arm) throws Exception {
		// The owner's membership may still be kept from an earlier call: drop it, so the
		// look-up this waits for happens.
		cluster.jdbc().update("DELETE FROM agw_membership_cache");
		cluster.sandbox().addLatency(Duration.ofMillis(400));
		CompletableFuture<HttpResponse<String>> call = CompletableFuture
			.supplyAsync(() -> callTool("create_work_item", create(key, title)));
		awaitTrue("membership answered",
				() -> !McpClients.journal(cluster, (e) -> e.path().endsWith("/members/")).isEmpty());
		arm.run();
		HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
		cluster.sandbox().clearFaults();
		assertThat(McpClients.journal(cluster, (e) -> !e.isWrite())).as("the fault hit the write, not a read")
			.allMatch((e) -> e.status() == 200);
		return response;
	}

	private static String claimStatus(String key) {
		List<String> status = cluster.jdbc()
			.queryForList("SELECT status FROM agw_idempotency WHERE agent_id = ? AND idempotency_key = ?", String.class,
					agent.id(), key);
		return status.isEmpty() ? null : status.get(0);
	}

	/** Cards in WEB with this title, counted in Tasker itself. */
	private static long cardsTitled(String title) {
		JsonNode items = taskerGet("/projects/" + web + "/work-items/?per_page=1000");
		assertThat(items.path("next_page_results").asBoolean()).isFalse();
		return items.path("results").valueStream().filter((i) -> title.equals(i.path("name").asString())).count();
	}

	private static JsonNode taskerGet(String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(cluster.sandbox().baseUrl() + "/api/v1/workspaces/demo" + path))
					.header("X-Api-Key", cluster.sandbox().demoApiKey())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return McpClients.JSON.readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static final class AtomicIds {

		private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(
				1000);

		int next() {
			return this.next.incrementAndGet();
		}

	}

	static Set<String> distinct(List<String> values) {
		return values.stream().collect(Collectors.toSet());
	}

}
