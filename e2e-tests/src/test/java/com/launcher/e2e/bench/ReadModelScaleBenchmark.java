package com.launcher.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.budget.BudgetCalls;
import com.launcher.tasker.sandbox.SandboxOptions;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.budget.BudgetCalls.args;

/**
 * Issue 14's scale figure: a project of 10,000 cards on Plane's default limits (sandbox
 * 60 a minute, 1000 a page; the plugin's default budget). Prints the first fill's time
 * and Tasker calls, then the answer time (median, p99) of a filtered list and of a text
 * query through the whole stack (MCP, pipeline, PostgreSQL), each run 200 times. Not a
 * test: run it by hand (docs/BENCHMARKS.md) and copy the printed table.
 */
public final class ReadModelScaleBenchmark {

	private static final int CARDS = 10_000;

	private static final int RUNS = 200;

	private ReadModelScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (LauncherCluster cluster = LauncherCluster.start(1,
				SandboxOptions.forTests().withRateLimit(60, Duration.ofMinutes(1)),
				Map.of("launcher.tasker.rate-limit-per-minute", 60, "agent-gateway.tasker-budget.per-minute", 54,
						"agent-gateway.tasker-budget.burst", 6, "agent-gateway.read-model.enabled", true))) {
			LauncherNode node = cluster.node();
			JdbcTemplate jdbc = cluster.jdbc();
			BudgetCalls.liftLimits(node);
			cluster.sandbox().seedWorkItems("WEB", CARDS);
			UUID web = node.projectId("alice", "WEB");
			String token = BudgetCalls.agent(node, "alice", "scale", web, "READ");
			cluster.sandbox().clearJournal();
			long started = System.nanoTime();
			BudgetCalls.tool(node, token, "list_work_items", args("project_id", web.toString()));
			while (!Boolean.TRUE.equals(jdbc.queryForObject(
					"SELECT coalesce(bool_or(filled), false) FROM agw_rm_project WHERE project_id = ?", Boolean.class,
					web))) {
				Thread.sleep(20);
			}
			double fill = (System.nanoTime() - started) / 1e9;
			int calls = cluster.sandbox().journal().size();
			long copied = jdbc.queryForObject("SELECT count(*) FROM agw_rm_card WHERE project_id = ?", Long.class, web);
			String state = BudgetCalls.tool(node, token, "list_states", args("project_id", web.toString()))
				.path("structuredContent")
				.path("states")
				.get(1)
				.path("state_id")
				.asString();
			List<Long> filtered = time(() -> BudgetCalls.tool(node, token, "list_work_items",
					args("project_id", web.toString(), "state", state, "limit", 50)));
			List<Long> text = time(() -> BudgetCalls.tool(node, token, "list_work_items",
					args("project_id", web.toString(), "text", "card 12", "limit", 50)));
			System.out.printf("| first fill of %d cards | %.1f s | %d Tasker calls (%d copied) |%n", CARDS, fill, calls,
					copied);
			System.out.printf("| filtered list (state, 50 a page) | median %.1f ms | p99 %.1f ms |%n",
					filtered.get(RUNS / 2) / 1e6, filtered.get(RUNS * 99 / 100) / 1e6);
			System.out.printf("| text query (\"card 12\", 50 a page) | median %.1f ms | p99 %.1f ms |%n",
					text.get(RUNS / 2) / 1e6, text.get(RUNS * 99 / 100) / 1e6);
		}
	}

	private static List<Long> time(java.util.function.Supplier<JsonNode> call) {
		for (int i = 0; i < 20; i++) {
			require(call.get());
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			require(call.get());
			nanos.add(System.nanoTime() - started);
		}
		Collections.sort(nanos);
		return nanos;
	}

	private static void require(JsonNode result) {
		if (BudgetCalls.errorCode(result) != null) {
			throw new IllegalStateException("list failed: " + BudgetCalls.errorCode(result));
		}
	}

}
