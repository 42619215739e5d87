package com.launcher.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.budget.BudgetCalls;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.WebhookEvent;
import com.launcher.tasker.sandbox.WebhookOptions;
import tools.jackson.databind.JsonNode;

import static com.launcher.e2e.budget.BudgetCalls.args;

/**
 * Issue 14's session figures, on Plane's default limits (sandbox 60 a minute per key, the
 * plugin's default budget and sync interval), with and without the read model: one agent
 * works through a session of 60 card reads, 10 lists, 5 comment lists and 3 writes over
 * the demo's data, and the sandbox's journal counts every Tasker call made meanwhile (the
 * sync's included). Prints, per mode, the Tasker calls per tool call, the time the 60
 * reads + 10 lists took, and the whole session's. Not a test: run it by hand
 * (docs/BENCHMARKS.md) and copy the printed table.
 */
public final class ReadModelSessionBenchmark {

	private static final String SECRET = "plane_wh_00112233445566778899aabbccddeeff";

	private ReadModelSessionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> rows = new ArrayList<>();
		rows.add(run(false));
		rows.add(run(true));
		System.out
			.println("| read model | tool calls | Tasker calls | per tool call | 60 reads + 10 lists | session |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		rows.forEach(System.out::println);
	}

	private static String run(boolean readModel) throws Exception {
		try (LauncherCluster cluster = LauncherCluster.start(1,
				SandboxOptions.forTests()
					.withRateLimit(60, Duration.ofMinutes(1))
					.withWebhooks(WebhookOptions.plane().allowingLoopback()),
				Map.of("launcher.tasker.rate-limit-per-minute", 60, "agent-gateway.tasker-budget.per-minute", 54,
						"agent-gateway.tasker-budget.burst", 6, "agent-gateway.read-model.enabled", readModel,
						"launcher.secrets.agent-gateway.tasker-webhook-secret", SECRET))) {
			LauncherNode node = cluster.node();
			BudgetCalls.liftLimits(node);
			UUID web = node.projectId("alice", "WEB");
			String token = BudgetCalls.agent(node, "alice", "session", web, "WRITE");
			cluster.sandbox()
				.webhooks()
				.register("http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/tasker/webhook", SECRET,
						EnumSet.of(WebhookEvent.PROJECT, WebhookEvent.ISSUE, WebhookEvent.ISSUE_COMMENT));
			String project = web.toString();
			// The first read of the project: with the read model, it asks for the first
			// fill; let the fill and the start-up calls pass before counting.
			call(node, token, "list_work_items", args("project_id", project));
			Thread.sleep(65_000);
			cluster.sandbox().clearJournal();
			int tools = 0;
			long started = System.nanoTime();
			for (int i = 0; i < 60; i++) {
				call(node, token, "get_work_item", args("project_id", project, "work_item_id", "WEB-" + (1 + i % 3)));
				tools++;
				if (i % 6 == 5) {
					call(node, token, "list_work_items", args("project_id", project));
					tools++;
				}
			}
			long readsAndLists = System.nanoTime() - started;
			for (int i = 0; i < 5; i++) {
				call(node, token, "list_comments", args("project_id", project, "work_item_id", "WEB-" + (1 + i % 3)));
				tools++;
			}
			call(node, token, "update_work_item", args("project_id", project, "work_item_id", "WEB-2", "priority",
					"low", "idempotency_key", "session-1"));
			call(node, token, "add_comment", args("project_id", project, "work_item_id", "WEB-2", "body",
					"Looked at it.", "idempotency_key", "session-2"));
			call(node, token, "update_work_item", args("project_id", project, "work_item_id", "WEB-3", "priority",
					"high", "idempotency_key", "session-3"));
			tools += 3;
			long session = System.nanoTime() - started;
			List<JournalEntry> calls = cluster.sandbox().journal();
			return String.format("| %s | %d | %d | %.2f | %.1f s | %.1f s |", readModel ? "on" : "off", tools,
					calls.size(), calls.size() / (double) tools, readsAndLists / 1e9, session / 1e9);
		}
	}

	private static void call(LauncherNode node, String token, String tool, Map<String, Object> arguments) {
		JsonNode result = BudgetCalls.tool(node, token, tool, arguments);
		String code = BudgetCalls.errorCode(result);
		if (code != null) {
			throw new IllegalStateException(tool + " failed: " + code);
		}
	}

}
