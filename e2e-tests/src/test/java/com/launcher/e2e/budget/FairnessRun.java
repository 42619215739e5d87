package com.launcher.e2e.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
import com.launcher.tasker.sandbox.SandboxOptions;
import tools.jackson.databind.JsonNode;

import static com.launcher.e2e.budget.BudgetCalls.args;
import static com.launcher.e2e.budget.BudgetCalls.errorCode;

/**
 * One agent floods reads that reach Tasker from several threads while another agent
 * writes every few seconds, on one host with Plane's default limits (the sandbox counts
 * 60 a minute per key; the host's own limiter is at 60) and the plugin's default budget.
 * Used by the fairness test (which asserts refusals and ordering) and the benchmark
 * (which prints the latencies).
 */
public final class FairnessRun {

	private FairnessRun() {
	}

	/** A cluster as Plane's defaults have it. */
	public static LauncherCluster cluster() {
		return LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(60, Duration.ofMinutes(1)),
				Map.of("launcher.tasker.rate-limit-per-minute", 60, "agent-gateway.tasker-budget.per-minute", 54,
						"agent-gateway.tasker-budget.burst", 6));
	}

	/**
	 * Runs the flood and the writer.
	 * @param cluster the cluster
	 * @param drive how long
	 * @param floodThreads the flooding agent's threads
	 * @param writeEvery how often the writer writes
	 * @param burstEvery every how many rounds the writer sends three writes at once
	 * instead of one (0: never), so that writes must sometimes wait for the budget
	 * @return what it saw
	 * @throws Exception when a thread failed
	 */
	public static Result run(LauncherCluster cluster, Duration drive, int floodThreads, Duration writeEvery,
			int burstEvery) throws Exception {
		LauncherNode node = cluster.node();
		BudgetCalls.liftLimits(node);
		UUID web = node.projectId("alice", "WEB");
		String flooder = BudgetCalls.agent(node, "alice", "flooder", web, "READ");
		String writer = BudgetCalls.agent(node, "bob", "writer", web, "WRITE");
		// Both owners' memberships are kept from here: each read is one Tasker call.
		BudgetCalls.tool(node, flooder, "get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-1"));
		BudgetCalls.tool(node, writer, "get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-2"));
		cluster.jdbc().update("DELETE FROM agw_tasker_call");

		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		List<Long> writeMillis = Collections.synchronizedList(new ArrayList<>());
		Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
		long end = System.nanoTime() + drive.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(floodThreads + 1);
		ExecutorService burst = Executors.newFixedThreadPool(3);
		List<Future<?>> tasks = new ArrayList<>();
		for (int i = 0; i < floodThreads; i++) {
			String card = "WEB-" + (1 + i % 3);
			tasks.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					JsonNode result = BudgetCalls.tool(node, flooder, "get_work_item",
							args("project_id", web.toString(), "work_item_id", card));
					reads.computeIfAbsent(String.valueOf(errorCode(result)), (k) -> new AtomicInteger())
						.incrementAndGet();
				}
				return null;
			}));
		}
		tasks.add(pool.submit(() -> {
			int round = 0;
			while (System.nanoTime() < end) {
				long started = System.nanoTime();
				int at = (burstEvery > 0 && ++round % burstEvery == 0) ? 3 : 1;
				List<Future<?>> inFlight = new ArrayList<>();
				for (int i = 0; i < at; i++) {
					inFlight.add(burst.submit(() -> {
						long begun = System.nanoTime();
						JsonNode result = BudgetCalls.tool(node, writer, "add_comment",
								args("project_id", web.toString(), "work_item_id", "WEB-2", "body", "fairness",
										"idempotency_key", "fair-" + UUID.randomUUID()));
						writeMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
						writes.computeIfAbsent(String.valueOf(errorCode(result)), (k) -> new AtomicInteger())
							.incrementAndGet();
						return null;
					}));
				}
				for (Future<?> write : inFlight) {
					write.get(1, TimeUnit.MINUTES);
				}
				long took = System.nanoTime() - started;
				long pause = writeEvery.toNanos() - took;
				if (pause > 0) {
					TimeUnit.NANOSECONDS.sleep(pause);
				}
			}
			return null;
		}));
		for (Future<?> task : tasks) {
			task.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		burst.shutdown();
		// Reads the budget admitted while a write was waiting for it: the order the
		// budget kept, from its own log.
		Integer readsWhileWriteWaited = cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_tasker_call r JOIN agw_tasker_call w"
					+ " ON w.call_class = 0 AND w.admitted AND w.waited_ms > 0"
					+ " AND r.at > w.at - w.waited_ms * INTERVAL '1 millisecond' AND r.at < w.at"
					+ " WHERE r.call_class = 2 AND r.admitted", Integer.class);
		Integer writeCalls = cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_tasker_call WHERE call_class = 0 AND admitted", Integer.class);
		Integer writeCallsThatWaited = cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_tasker_call WHERE call_class = 0 AND admitted AND waited_ms > 0",
					Integer.class);
		long tasker429 = cluster.sandbox().journal().stream().filter((e) -> e.status() == 429).count();
		return new Result(List.copyOf(writeMillis), counts(writes), counts(reads), readsWhileWriteWaited, writeCalls,
				writeCallsThatWaited, tasker429);
	}

	/** A run of the given length, as the benchmark prints it. */
	public static String report(LauncherCluster cluster, Duration drive) throws Exception {
		Result result = run(cluster, drive, 6, Duration.ofSeconds(4), 0);
		return String.format(java.util.Locale.ROOT,
				"| run | writes | refused writes | write median | write p95 | write max | reads served | reads told tasker_busy | reads admitted while a write waited | Tasker 429s |%n"
						+ "|---|---|---|---|---|---|---|---|---|---|%n"
						+ "| %d s, 6 reading threads | %d | %d | %d ms | %d ms | %d ms | %d | %d | %d | %d |%n",
				drive.toSeconds(), result.writeMillis().size(), result.refusedWrites(), result.percentile(0.5),
				result.percentile(0.95), result.percentile(1.0), result.reads().getOrDefault("null", 0),
				result.reads().getOrDefault("tasker_busy", 0), result.readsWhileWriteWaited(), result.tasker429());
	}

	private static Map<String, Integer> counts(Map<String, AtomicInteger> counts) {
		Map<String, Integer> copy = new java.util.TreeMap<>();
		counts.forEach((code, n) -> copy.put(code, n.get()));
		return copy;
	}

	/**
	 * What one run saw.
	 *
	 * @param writeMillis each write's answer time
	 * @param writes write outcomes by error code ("null": succeeded)
	 * @param reads read outcomes by error code
	 * @param readsWhileWriteWaited reads admitted while a write call waited
	 * @param writeCalls Tasker calls the writes made
	 * @param writeCallsThatWaited of those, how many waited for the budget at all
	 * @param tasker429 429 answers from the sandbox
	 */
	public record Result(List<Long> writeMillis, Map<String, Integer> writes, Map<String, Integer> reads,
			int readsWhileWriteWaited, int writeCalls, int writeCallsThatWaited, long tasker429) {

		public long percentile(double p) {
			List<Long> sorted = new ArrayList<>(this.writeMillis);
			Collections.sort(sorted);
			return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
		}

		public int refusedWrites() {
			return this.writes.entrySet()
				.stream()
				.filter((e) -> !e.getKey().equals("null"))
				.mapToInt(Map.Entry::getValue)
				.sum();
		}

	}

}
