package com.launcher.e2e.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.launcher.e2e.budget.BudgetCalls.args;
import static com.launcher.e2e.budget.BudgetCalls.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, each host with Plane's own per-JVM limit (60 a minute) and a
 * sandbox that counts 60 a minute per key as Plane does, driven far beyond the budget by
 * agents on both nodes: together they stay within the one budget, Tasker never answers
 * 429, and callers the budget cannot serve are told {@code tasker_busy} with a
 * retry-after, never the host's own limiter's refusal.
 */
class SharedTaskerBudgetEndToEndTests {

	/** The whole run fits in one of the sandbox's 60 s windows. */
	private static final Duration DRIVE = Duration.ofSeconds(35);

	private static LauncherCluster cluster;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(2, SandboxOptions.forTests().withRateLimit(60, Duration.ofMinutes(1)),
				Map.of("launcher.tasker.rate-limit-per-minute", 60, "agent-gateway.tasker-budget.per-minute", 54,
						"agent-gateway.tasker-budget.burst", 6));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void readsWhenTwoNodesDriveBeyondTheBudgetThenTogetherWithinItAndTaskerNeverAnswers429() throws Exception {
		LauncherNode node1 = cluster.node(0);
		LauncherNode node2 = cluster.node(1);
		cluster.sandbox().clearJournal();
		long start = System.nanoTime();
		BudgetCalls.liftLimits(node1);
		UUID web = node1.projectId("alice", "WEB");
		List<String> tokens = List.of(BudgetCalls.agent(node1, "alice", "flood-1", web, "READ"),
				BudgetCalls.agent(node2, "bob", "flood-2", web, "READ"));

		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<Long> retryAfters = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long end = System.nanoTime() + DRIVE.toNanos();
		List<Future<?>> drivers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			LauncherNode node = (i % 2 == 0) ? node1 : node2;
			String token = tokens.get(i % 2);
			String card = "WEB-" + (1 + i % 3);
			drivers.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					JsonNode result = BudgetCalls.tool(node, token, "get_work_item",
							args("project_id", web.toString(), "work_item_id", card));
					String code = errorCode(result);
					outcomes.computeIfAbsent(String.valueOf(code), (k) -> new AtomicInteger()).incrementAndGet();
					if ("tasker_busy".equals(code)) {
						retryAfters.add(result.path("structuredContent").path("retry_after_seconds").asLong());
					}
				}
				return null;
			}));
		}
		for (Future<?> driver : drivers) {
			driver.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

		List<JournalEntry> journal = cluster.sandbox().journal();
		assertThat(elapsedSeconds).as("one sandbox window").isLessThan(60);
		assertThat(journal).as("Tasker never answered 429").noneMatch((e) -> e.status() == 429);
		// The bucket (6) and its refill (48 a minute) over the whole run, setup included.
		assertThat(journal).as("both nodes together")
			.hasSizeLessThanOrEqualTo(6 + (int) (48 * elapsedSeconds / 60) + 1);
		assertThat(outcomes.get("null")).as("reads served").isNotNull();
		assertThat(outcomes.get("tasker_busy")).as("demand beyond the budget was told so: " + outcomes).isNotNull();
		assertThat(outcomes).as("never the host limiter's refusal, never a failure")
			.containsOnlyKeys("null", "tasker_busy");
		assertThat(retryAfters).allMatch((seconds) -> seconds >= 1 && seconds <= 60);
		Integer admitted = cluster.jdbc()
			.queryForObject("SELECT COALESCE(SUM(cost), 0) FROM agw_tasker_call WHERE admitted", Integer.class);
		assertThat(journal).as("every call to Tasker passed the budget").hasSizeLessThanOrEqualTo(admitted);

		// What operators see, from either node: the same shared figures.
		JsonNode budget = LauncherNode.json(node2.get("admin", LauncherNode.API + "/tasker/budget"));
		assertThat(budget.path("perMinute").asInt()).isEqualTo(54);
		assertThat(budget.path("used").asInt()).isPositive().isLessThanOrEqualTo(54);
		assertThat(budget.path("left").asInt()).isEqualTo(54 - budget.path("used").asInt());
		assertThat(budget.path("refusedByClass").path("interactive").asInt()).isPositive();
		assertThat(budget.path("metrics").path("agent_gateway.tasker.budget.used").asInt())
			.isEqualTo(budget.path("used").asInt());
		assertThat(node1.get("alice", LauncherNode.API + "/tasker/budget").statusCode()).isEqualTo(403);
		String page = node1.get("admin", "/plugins/agent-gateway/admin/tasker-budget").body();
		assertThat(page).contains("Calls to Tasker in the last 60 seconds", "of 54", "interactive");
		// These nodes run without the read model: the page says so, not "nothing
		// granted".
		assertThat(page).contains("The copy is off").doesNotContain("No project is granted yet");
		assertThat(node1.get("bob", "/plugins/agent-gateway/admin/tasker-budget").statusCode()).isEqualTo(403);
	}

}
