package com.launcher.e2e.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.TableScans;
import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import com.launcher.host.security.PluginProtectedResources;
import com.launcher.tasker.sandbox.SandboxOptions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Introspection latency of the built plugin in a real host on real PostgreSQL, called in
 * process (the host's own {@link BearerTokenIntrospector} for the MCP path), so HTTP is
 * out of the figure: a valid token with 1,000 and with 100,000 rows in {@code agw_token},
 * and a garbage token (bad checksum), whose token-table scans are counted through
 * {@code pg_stat_user_tables}. Not a test: run it by hand (docs/BENCHMARKS.md) and copy
 * the printed table.
 */
public final class IntrospectionBenchmark {

	private static final String MCP = "/plugins/agent-gateway/mcp";

	private static final int WARMUP = 3_000;

	private static final int MEASURED = 10_000;

	private static final int ROUNDS = 3;

	private static final int JIT_WARMUP = 20_000;

	private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static double lastCpuMicros;

	private IntrospectionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		StringBuilder report = new StringBuilder();
		try (LauncherCluster cluster = LauncherCluster
			.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)), Map
				.of("agent-gateway.auth-failure-limit", 1_000_000_000, "agent-gateway.owner-sync-interval", "PT1H"))) {
			LauncherNode node = cluster.node();
			JdbcTemplate jdbc = cluster.jdbc();
			UUID agent = node.createAgent("bob", "bench-bot");
			node.grant("bob", agent, node.projectId("bob", "WEB"), "READ");
			String valid = node.mint("bob", agent)[1];
			UUID filler = node.createAgent("alice", "filler-bot");
			BearerTokenIntrospector introspector = node.context()
				.getBean(PluginProtectedResources.class)
				.find(MCP)
				.orElseThrow()
				.introspector();
			String garbage = valid.substring(0, 10) + ((valid.charAt(10) == 'a') ? 'b' : 'a') + valid.substring(11);

			// A refused token writes (its failure count, its audit event): whether a
			// commit
			// waits for the WAL flush is part of its figure. The embedded server runs
			// without either unless e2e.postgres.serverConfig says
			// "fsync=on,synchronous_commit=on", as production does.
			report
				.append(jdbc.queryForObject("SELECT 'PostgreSQL: fsync=' || current_setting('fsync')"
						+ " || ', synchronous_commit=' || current_setting('synchronous_commit')", String.class))
				.append(System.lineSeparator());
			report.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", "case", "median µs", "p99 µs",
					"agw_token scans"));
			// Let the JIT compile the whole path first, then alternate the sizes so that
			// drift on a shared machine hits both alike.
			measure(introspector, valid, "198.51.100.1", true, JIT_WARMUP);
			int[] sizes = { 1_000, 100_000 };
			double[][] all = new double[sizes.length][0];
			for (int round = 1; round <= ROUNDS; round++) {
				for (int s = 0; s < sizes.length; s++) {
					resize(jdbc, filler, sizes[s]);
					long before = settledScans(jdbc, node);
					double[] micros = measure(introspector, valid, "198.51.100.1", true);
					long scans = settledScans(jdbc, node) - before;
					report.append(line("valid, " + count(jdbc) + " rows, round " + round, micros, scans));
					report.append(String.format(Locale.ROOT, "%-34s %10s%n", "  lookup inside PostgreSQL, µs",
							lookupExecutionMicros(jdbc, agent)));
					all[s] = concat(all[s], micros);
				}
			}
			for (int s = 0; s < sizes.length; s++) {
				Arrays.sort(all[s]);
				report.append(line("valid, " + sizes[s] + " rows, all rounds", all[s], -1));
			}
			report.append(String.format(Locale.ROOT, "%-34s %10.2f %10.2f%n", "ratio 100000 / 1000 rows",
					percentile(all[1], 0.5) / percentile(all[0], 0.5),
					percentile(all[1], 0.99) / percentile(all[0], 0.99)));
			long before = settledScans(jdbc, node);
			double[] micros = measure(introspector, garbage, "203.0.113.1", false);
			long scans = settledScans(jdbc, node) - before;
			report.append(line("garbage token (bad checksum)", micros, scans));
			report.append(String.format(Locale.ROOT, "%-34s %10.3f %10s %10s%n", "checksum check alone",
					checksumOnly(node, garbage), "-", "0"));
		}
		// Printed, not logged: closing the cluster has stopped the logging system by now.
		System.out.printf(Locale.ROOT,
				"%nIntrospection benchmark (%d measured calls per case after %d warm-up; system load average"
						+ " %.1f on %d cores):%n%s",
				MEASURED, WARMUP, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors(), report);
		System.exit(0);
	}

	/**
	 * Brings {@code agw_token} to {@code rows} rows: random hashes added in bulk, or
	 * filler rows removed; then vacuumed and analysed so the planner sees the real size.
	 */
	private static void resize(JdbcTemplate jdbc, UUID filler, int rows) {
		int difference = rows - count(jdbc);
		if (difference > 0) {
			jdbc.update("INSERT INTO agw_token (id, agent_id, family_id, token_hash, hint, status, created_by,"
					+ " created_at, expires_at) SELECT u, ?, u, decode(md5(random()::text || g)"
					+ " || md5(random()::text || g), 'hex'), 'agw_\u2026fill', 'ACTIVE', ?, now(),"
					+ " now() + interval '30 days' FROM (SELECT gen_random_uuid() AS u, g"
					+ " FROM generate_series(1, ?) g) s", filler, LauncherNode.ALICE_ID, difference);
		}
		else if (difference < 0) {
			jdbc.update("DELETE FROM agw_token WHERE id IN (SELECT id FROM agw_token WHERE agent_id = ? LIMIT ?)",
					filler, -difference);
		}
		jdbc.execute("VACUUM ANALYZE agw_token");
	}

	/**
	 * The plugin's token lookup (same SQL shape) as PostgreSQL runs it: "Execution Time"
	 * of EXPLAIN ANALYZE, without the network and the driver.
	 */
	private static String lookupExecutionMicros(JdbcTemplate jdbc, UUID agent) {
		byte[] hash = jdbc.queryForObject("SELECT token_hash FROM agw_token WHERE agent_id = ?", byte[].class, agent);
		List<String> plan = jdbc.queryForList(
				"EXPLAIN ANALYZE SELECT t.*, a.status, a.name, a.owner_user_id, g.id,"
						+ " g.workspace, g.project_id, g.access FROM agw_token t JOIN agw_agent a ON a.id = t.agent_id"
						+ " LEFT JOIN agw_grant g ON g.agent_id = t.agent_id WHERE t.token_hash = ?",
				String.class, hash);
		for (String row : plan) {
			if (row.startsWith("Execution Time:")) {
				double millis = Double.parseDouble(row.replaceAll("[^0-9.]", ""));
				return String.format(Locale.ROOT, "%.0f", millis * 1000);
			}
		}
		return "?";
	}

	private static int count(JdbcTemplate jdbc) {
		Integer count = jdbc.queryForObject("SELECT count(*) FROM agw_token", Integer.class);
		return (count != null) ? count : 0;
	}

	private static double[] measure(BearerTokenIntrospector introspector, String token, String source,
			boolean expectActive) {
		return measure(introspector, token, source, expectActive, WARMUP);
	}

	private static double[] measure(BearerTokenIntrospector introspector, String token, String source,
			boolean expectActive, int warmup) {
		for (int i = 0; i < warmup; i++) {
			check(introspector.introspect(request(token, source, "warm-" + i)), expectActive);
		}
		double[] micros = new double[MEASURED];
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		for (int i = 0; i < MEASURED; i++) {
			BearerTokenRequest request = request(token, source, "bench-" + i);
			long start = System.nanoTime();
			IntrospectionResult result = introspector.introspect(request);
			micros[i] = (System.nanoTime() - start) / 1_000.0;
			check(result, expectActive);
		}
		lastCpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000.0 / MEASURED;
		Arrays.sort(micros);
		return micros;
	}

	private static void check(IntrospectionResult result, boolean expectActive) {
		if ((result instanceof IntrospectionResult.Active) != expectActive) {
			throw new IllegalStateException("Unexpected introspection result: " + result.getClass().getSimpleName());
		}
	}

	private static BearerTokenRequest request(String token, String source, String requestId) {
		return new BearerTokenRequest(token, source, requestId, "POST", MCP);
	}

	/** The plugin's own pre-database check, through its class loader: µs per call. */
	private static double checksumOnly(LauncherNode node, String garbage) throws Exception {
		ClassLoader plugin = node.pluginHost().classLoader("agent-gateway").orElseThrow();
		Method wellFormed = plugin.loadClass("com.launcher.agentgateway.token.TokenCodec")
			.getMethod("isWellFormed", String.class);
		int calls = 2_000_000;
		boolean any = false;
		for (int i = 0; i < calls; i++) {
			any |= (boolean) wellFormed.invoke(null, garbage);
		}
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			any |= (boolean) wellFormed.invoke(null, garbage);
		}
		double micros = (System.nanoTime() - start) / 1_000.0 / calls;
		if (any) {
			throw new IllegalStateException("garbage passed the checksum");
		}
		return micros;
	}

	private static String line(String name, double[] sorted, long scans) {
		String line = String.format(Locale.ROOT, "%-34s %10.1f %10.1f %10s%n", name, percentile(sorted, 0.50),
				percentile(sorted, 0.99), (scans >= 0) ? Long.toString(scans) : "");
		if (scans < 0) {
			return line;
		}
		// The calling thread's CPU per call: the plugin's and the driver's work, not
		// PostgreSQL's (another process). It moves far less than wall time on a shared
		// machine.
		return line + String.format(Locale.ROOT, "%-34s %10.1f%n", "  this thread's CPU, µs per call", lastCpuMicros);
	}

	private static double[] concat(double[] a, double[] b) {
		double[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static long settledScans(JdbcTemplate jdbc, LauncherNode node) {
		return TableScans.settled(jdbc, "agw_token", node);
	}

}
