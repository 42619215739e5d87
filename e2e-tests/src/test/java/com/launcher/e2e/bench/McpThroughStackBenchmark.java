package com.launcher.e2e.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.tasker.sandbox.SandboxOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code get_work_item} and {@code create_work_item} through the whole stack (loopback
 * HTTP, the host's security chain and bearer introspection, the plugin's MCP edge, the
 * SDK, the tool path with its PostgreSQL rate limit, budget, idempotency and audit
 * writes, the host's Tasker client, the sandbox) at 1, 8 and 32 concurrent agents, each
 * with its own token, side by side with the same Tasker calls made directly through the
 * host's {@link TaskerClient} in the same JVM and run. Not a test: run it by hand
 * (docs/BENCHMARKS.md, "MCP through the whole stack") and copy the printed table. Each
 * row also prints its CPU per call: the machine's, and by kind of thread
 * ({@link CpuByThread}), which shows a row measured while the JIT compilers still work.
 * <p>
 * The agents speak over blocking keep-alive sockets, one per worker, as a separate agent
 * process would; {@code -Dbench.client=jdk} uses the JDK's asynchronous
 * {@code HttpClient} instead, whose selector and executor threads then compete with the
 * host for the same CPUs. After the closed-loop rows, open-loop rows send reads at a
 * fixed rates ({@code bench.rates}, default {@code 500,1000} per second) through both
 * paths. Other switches: {@code bench.concurrency} (default {@code 1,8,32}),
 * {@code bench.only} (rows whose tool and path contain this text),
 * {@code bench.warmupSeconds}, {@code bench.measureSeconds}, {@code bench.pauseMicros}
 * (adds a diagnostic row: the direct pair after an idle pause), {@code bench.slowMillis}
 * (lists the measured calls slower than this, by when they started),
 * {@code bench.pgStatements} (each row lists its costliest statements) and
 * {@code bench.synchronousCommit} (default {@code on}; the server always runs with fsync
 * on). Each closed-loop concurrency starts with two floors: a small JSON document from
 * the host with no database work, and {@code SELECT 1} through the host's pool.
 */
public final class McpThroughStackBenchmark {

	private static final int[] RATES = Arrays.stream(System.getProperty("bench.rates", "500,1000").split(","))
		.filter((value) -> !value.isBlank())
		.mapToInt((value) -> Integer.parseInt(value.trim()))
		.toArray();

	/**
	 * Agents of the open-loop rows; enough that a slow answer does not hold back the
	 * next.
	 */
	private static final int OPEN_LOOP_WORKERS = 32;

	/**
	 * Waits until the gateway has made no Tasker call for two seconds (at most three
	 * minutes), and says how long that took.
	 */
	private static String settle(JdbcTemplate jdbc) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(3).toNanos();
		String recent = "SELECT count(*) FROM agw_tasker_call WHERE at > now() - interval '2 seconds'";
		while (jdbc.queryForObject(recent, Long.class) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		return String.format(Locale.ROOT, "Background Tasker calls after the warm-up settled in %.1f s%n",
				(System.nanoTime() - started) / 1e9);
	}

	private static final long PAUSE_MICROS = Long.getLong("bench.pauseMicros", 0);

	private static final Queue<Long> PAUSED = new ConcurrentLinkedQueue<>();

	/**
	 * Diagnostic ({@code bench.pgWaits}): the cluster whose active sessions are sampled
	 * during each measured row.
	 */
	private static LauncherCluster sampledCluster;

	/**
	 * Diagnostic ({@code bench.pgStatements}): each row also lists the statements that
	 * took the most execution time in the measured window ({@code pg_stat_statements}).
	 */
	private static final boolean PG_STATEMENTS = Boolean.getBoolean("bench.pgStatements");

	/** The server's fsync and synchronous_commit, as it reported them. */
	private static String durability;

	/** The cluster whose PostgreSQL transactions each row counts. */
	private static LauncherCluster benchCluster;

	/**
	 * Diagnostic: list the measured calls slower than this, grouped by when they started.
	 */
	private static final long SLOW_MILLIS = Long.getLong("bench.slowMillis", 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.client"));

	private static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "1,8,32").split(","))
		.filter((value) -> !value.isBlank())
		.mapToInt((value) -> Integer.parseInt(value.trim()))
		.toArray();

	// Long enough for the JIT to finish compiling the request path at one agent.
	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measureSeconds", 10));

	private McpThroughStackBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// A durable server, as in production: the embedded one starts without fsync and
		// with synchronous_commit off unless told otherwise at start.
		String synchronousCommit = "off".equals(System.getProperty("bench.synchronousCommit")) ? "off" : "on";
		String serverConfig = System.getProperty("e2e.postgres.serverConfig", "");
		System.setProperty("e2e.postgres.serverConfig",
				(serverConfig.isBlank() ? "" : serverConfig + ",") + "fsync=on,synchronous_commit=" + synchronousCommit
						+ (PG_STATEMENTS ? ",shared_preload_libraries=pg_stat_statements" : ""));
		StringBuilder report = new StringBuilder();
		try (LauncherCluster cluster = LauncherCluster.start(1,
				SandboxOptions.forTests().withRateLimit(100_000_000, Duration.ofMinutes(1)),
				Map.of("launcher.tasker.rate-limit-per-minute", 100_000_000))) {
			LauncherNode node = cluster.node();
			benchCluster = cluster;
			liftLimits(node);
			if (Boolean.getBoolean("bench.pgWaits")) {
				sampledCluster = cluster;
			}
			if (PG_STATEMENTS) {
				cluster.jdbc().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			}
			durability = cluster.jdbc()
				.queryForObject("SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit='"
						+ " || current_setting('synchronous_commit')", String.class);
			UUID web = node.projectId("alice", "WEB");
			UUID card = cluster.sandbox().addWorkItem(cluster.sandbox().projectId("WEB"), "Benchmark card");
			// The sandbox keeps every request (its journal, for tests) and every card in
			// this JVM's heap. Over a run of millions of calls and hundreds of thousands
			// of creates they grew past 700 MB, and young collections went from about 5
			// to 45-80 ms for both paths: a cost of the harness, not of the gateway or of
			// a real Tasker, which keeps its cards in its own database.
			ScheduledExecutorService sandboxTrimmer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "bench-sandbox-trimmer");
				thread.setDaemon(true);
				return thread;
			});
			sandboxTrimmer.scheduleWithFixedDelay(() -> {
				cluster.sandbox().clearJournal();
				cluster.sandbox().forgetWorkItemsExcept(Set.of(card));
			}, 1, 1, TimeUnit.SECONDS);
			String[] owners = { "alice", "bob", "admin" };
			List<String> tokens = new ArrayList<>();
			List<String> emails = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				String owner = owners[i % owners.length];
				UUID agent = node.createAgent(owner, "bench-" + i);
				node.grant(owner, agent, web, "WRITE");
				tokens.add(node.mint(owner, agent)[1]);
				emails.add(owner + "@launcher.local");
			}
			TaskerClient tasker = node.context().getBean(TaskerClient.class);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.executor(Executors.newFixedThreadPool(4))
				.build();
			report.append(String.format(Locale.ROOT, "%-16s %-28s %5s %8s %10s %10s %10s %6s%n", "tool", "path", "conc",
					"calls", "calls/s", "median ms", "p99 ms", "errors"));
			report.append(commitsPerCall(cluster, http, node, tokens.get(0),
					toolCall("get_work_item", Map.of("project_id", web.toString(), "work_item_id", card.toString())),
					"get_work_item"));
			// Let the JIT compile the whole request path before any row is measured: at
			// one agent a row's own warm-up sees too few calls for it, and after 30 s the
			// compiler threads were still busy (the first rows then ran at 573-725
			// reads/s with 8 agents, against 984 after 120 s).
			long jitWarmupEnd = System.nanoTime()
					+ Duration.ofSeconds(Long.getLong("bench.jitWarmupSeconds", 120)).toNanos();
			warmUp(8, jitWarmupEnd, (worker) -> {
				String get = toolCall("get_work_item",
						Map.of("project_id", web.toString(), "work_item_id", card.toString()));
				String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
				int[] turn = { 0 };
				return () -> {
					int step = turn[0]++ % 8;
					if (step == 7) {
						return mcp(http, node, tokens.get(worker),
								toolCall("create_work_item",
										Map.of("project_id", web.toString(), "idempotency_key",
												"warm-" + UUID.randomUUID(), "title", "Benchmark card", "description",
												"Made by **bench**")));
					}
					return mcp(http, node, tokens.get(worker), (step % 2 == 0) ? get : ping);
				};
			});
			// Then calls with idle gaps between them, as the open-loop rows make: some
			// code only gets hot when threads wait for work (Tomcat's getTask took a
			// 375 ms C2 compilation, on one of the two CPUs, in the first open-loop row
			// of a JVM warmed in a closed loop only).
			long idleWarmupEnd = System.nanoTime()
					+ Duration.ofSeconds(Long.getLong("bench.idleWarmupSeconds", 30)).toNanos();
			String idleGet = toolCall("get_work_item",
					Map.of("project_id", web.toString(), "work_item_id", card.toString()));
			warmUpAtRate(400, idleWarmupEnd, (worker) -> {
				int[] turn = { 0 };
				return () -> {
					if (turn[0]++ % 2 == 0) {
						return mcp(http, node, tokens.get(worker), idleGet);
					}
					tasker.membership("demo", web, emails.get(worker));
					tasker.getWorkItem("demo", web, card);
					return true;
				};
			});
			// The warm-up created cards, and the read model copies them in the
			// background (webhooks, then each card's read): Tasker calls and
			// PostgreSQL time that would land in the first rows, a cost of the
			// warm-up that a build without a read model never pays. The rows
			// start once it is quiet.
			report.append(settle(cluster.jdbc()));
			JdbcTemplate hostJdbc = new JdbcTemplate(node.context().getBean(DataSource.class));
			for (int concurrency : CONCURRENCY) {
				// Floors: what any request costs before the gateway does anything, and
				// one PostgreSQL round trip through the host's pool.
				report.append(
						run("floor", "HTTP: host JSON, no database", concurrency, (worker) -> () -> httpFloor(node)));
				report.append(run("floor", "PostgreSQL: SELECT 1", concurrency, (worker) -> () -> Integer.valueOf(1)
					.equals(hostJdbc.queryForObject("SELECT 1", Integer.class))));
				report.append(run("ping", "MCP edge, auth, audit only", concurrency, (worker) -> {
					String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
					return () -> mcp(http, node, tokens.get(worker), body);
				}));
				// get_work_item: one membership look-up then one read, through the
				// gateway or directly.
				report.append(run("get_work_item", "MCP (whole stack)", concurrency, (worker) -> {
					String body = toolCall("get_work_item",
							Map.of("project_id", web.toString(), "work_item_id", card.toString()));
					return () -> mcp(http, node, tokens.get(worker), body);
				}));
				report.append(run("get_work_item", "direct: membership + get", concurrency, (worker) -> () -> {
					ProjectMembership membership = tasker.membership("demo", web, emails.get(worker));
					tasker.getWorkItem("demo", web, card);
					return membership.status() == ProjectMembership.Status.MEMBER;
				}));
				if (PAUSE_MICROS > 0) {
					// Diagnostic (opt-in): the same pair after the machine has been idle
					// for a moment, as it is between the steps of a gateway request.
					report
						.append(run("get_work_item", "direct: pause, membership + get", concurrency, (worker) -> () -> {
							LockSupport.parkNanos(PAUSE_MICROS * 1000);
							long t0 = System.nanoTime();
							ProjectMembership membership = tasker.membership("demo", web, emails.get(worker));
							tasker.getWorkItem("demo", web, card);
							PAUSED.add(System.nanoTime() - t0);
							return membership.status() == ProjectMembership.Status.MEMBER;
						}));
					long[] paused = PAUSED.stream().mapToLong(Long::longValue).sorted().toArray();
					PAUSED.clear();
					String line = String.format(Locale.ROOT,
							"  the pair alone after a %d µs pause: median %.3f ms, p99 %.3f ms%n", PAUSE_MICROS,
							percentile(paused, 0.5), percentile(paused, 0.99));
					System.out.print(line);
					report.append(line);
				}
				report.append(run("get_work_item", "direct: get only", concurrency,
						(worker) -> () -> tasker.getWorkItem("demo", web, card) != null));
				report.append(run("create_work_item", "MCP (whole stack)", concurrency, (worker) -> () -> {
					String body = toolCall("create_work_item",
							Map.of("project_id", web.toString(), "idempotency_key", "bench-" + UUID.randomUUID(),
									"title", "Benchmark card", "description", "Made by **bench**"));
					return mcp(http, node, tokens.get(worker), body);
				}));
				report.append(run("create_work_item", "direct: membership + create", concurrency, (worker) -> () -> {
					ProjectMembership membership = tasker.membership("demo", web, emails.get(worker));
					tasker.createWorkItem("demo", web,
							WorkItemDraft.builder("Benchmark card")
								.descriptionHtml("<p>Made by <strong>bench</strong></p>")
								.build(),
							new ExternalRef("bench", UUID.randomUUID().toString()));
					return membership.status() == ProjectMembership.Status.MEMBER;
				}));
			}
			// Open loop: reads arrive at a fixed rate whatever the answers take, so the
			// two paths are compared at the same load (a closed loop compares them at
			// different throughputs, and the gap is then mostly queueing).
			if (Boolean.getBoolean("bench.pgStats")) {
				printDatabaseState(cluster);
			}
			for (int rate : RATES) {
				String get = toolCall("get_work_item",
						Map.of("project_id", web.toString(), "work_item_id", card.toString()));
				report.append(runAtRate("get_work_item", "MCP (whole stack)", rate,
						(worker) -> () -> mcp(http, node, tokens.get(worker), get)));
				report.append(runAtRate("get_work_item", "direct: membership + get", rate, (worker) -> () -> {
					ProjectMembership membership = tasker.membership("demo", web, emails.get(worker));
					tasker.getWorkItem("demo", web, card);
					return membership.status() == ProjectMembership.Status.MEMBER;
				}));
			}
		}
		System.out.println();
		System.out.println("PostgreSQL: " + durability);
		System.out.println("MCP through the whole stack, " + Runtime.getRuntime().availableProcessors() + " CPUs, "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", warm-up "
				+ WARMUP.toSeconds() + " s, measured " + MEASURE.toSeconds() + " s per row");
		System.out.print(report);
		// The HTTP client's executor is not a daemon: end the JVM once the report is out.
		System.exit(0);
	}

	/** Makes the call of one worker; answers whether it succeeded. */
	interface Workload {

		Callable<Boolean> forWorker(int worker);

	}

	private static String run(String tool, String path, int concurrency, Workload workload) throws Exception {
		// Closed loop: each agent starts its next call as soon as the last one answered.
		return measure(tool, path, String.valueOf(concurrency), concurrency, workload, (start) -> System::nanoTime);
	}

	/**
	 * Calls at {@code rate} per second, spread over {@link #OPEN_LOOP_WORKERS} agents.
	 * Each call has a planned start; its latency is counted from that plan, so a call
	 * that had to wait for a free worker counts its wait too (no coordinated omission).
	 */
	private static String runAtRate(String tool, String path, int rate, Workload workload) throws Exception {
		long interval = 1_000_000_000L / rate;
		return measure(tool, path, rate + "/s", OPEN_LOOP_WORKERS, workload, (start) -> {
			AtomicLong next = new AtomicLong();
			return () -> {
				long planned = start + next.getAndIncrement() * interval;
				long wait = planned - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				return planned;
			};
		});
	}

	/** When each call starts, counted from a row's start. */
	interface Pacing {

		/**
		 * The pacing of one row.
		 * @param start when the row starts
		 * @return for each call, waits as needed and answers the time its latency counts
		 * from
		 */
		LongSupplier from(long start);

	}

	private static String measure(String tool, String path, String load, int workers, Workload workload, Pacing pacing)
			throws Exception {
		String only = System.getProperty("bench.only");
		if (only != null && !(tool + " " + path).contains(only)) {
			return "";
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		long start = System.nanoTime();
		long measureFrom = start + WARMUP.toNanos();
		long end = measureFrom + MEASURE.toNanos();
		LongSupplier nextStart = pacing.from(start);
		AtomicLong errors = new AtomicLong();
		Queue<long[]> slow = new ConcurrentLinkedQueue<>();
		List<Future<long[]>> futures = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			Callable<Boolean> call = workload.forWorker(w);
			futures.add(pool.submit(() -> {
				long[] samples = new long[1 << 14];
				int n = 0;
				while (true) {
					long t0 = nextStart.getAsLong();
					if (t0 >= end) {
						break;
					}
					boolean ok;
					try {
						ok = call.call();
					}
					catch (Exception ex) {
						ok = false;
					}
					long t1 = System.nanoTime();
					if (t0 >= measureFrom) {
						if (!ok) {
							errors.incrementAndGet();
						}
						if (n == samples.length) {
							samples = Arrays.copyOf(samples, n * 2);
						}
						samples[n++] = t1 - t0;
						if (SLOW_MILLIS > 0 && t1 - t0 > SLOW_MILLIS * 1_000_000) {
							slow.add(new long[] { t0 - measureFrom, t1 - t0 });
						}
					}
				}
				return Arrays.copyOf(samples, n);
			}));
		}
		Future<long[]> cpu = Executors.newSingleThreadExecutor().submit(() -> sampleCpu(measureFrom, end));
		Future<CpuByThread.Snapshot[]> threads = Executors.newSingleThreadExecutor().submit(() -> {
			LockSupport.parkNanos(Math.max(0, measureFrom - System.nanoTime()));
			CpuByThread.Snapshot first = CpuByThread.take();
			LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
			return new CpuByThread.Snapshot[] { first, CpuByThread.take() };
		});
		Future<String> waits = (sampledCluster != null)
				? Executors.newSingleThreadExecutor().submit(() -> sampleWaits(sampledCluster, measureFrom, end))
				: null;
		Future<List<String>> statements = PG_STATEMENTS
				? Executors.newSingleThreadExecutor().submit(() -> sampleStatements(benchCluster, measureFrom, end))
				: null;
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> future : futures) {
			all.add(future.get(MEASURE.toSeconds() + WARMUP.toSeconds() + 120, TimeUnit.SECONDS));
		}
		pool.shutdownNow();
		long[] samples = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		double seconds = MEASURE.toNanos() / 1e9;
		String row = String.format(Locale.ROOT, "%-16s %-28s %5s %8d %10.0f %10.3f %10.3f %6d%n", tool, path, load,
				samples.length, samples.length / seconds, percentile(samples, 0.50), percentile(samples, 0.99),
				errors.get());
		System.out.print(row);
		long[] ticks = cpu.get();
		if (ticks != null && samples.length > 0) {
			// USER_HZ is 100 on Linux: one tick is 10 ms.
			// The machine's figure is sampled per tick and a process's is not: they agree
			// only when the machine is busy, so the split is shown only then.
			double busy = ticks[0] / (MEASURE.toSeconds() * 100.0 * Runtime.getRuntime().availableProcessors());
			String split = (busy >= 0.9)
					? String.format(Locale.ROOT, "this JVM %.3f ms, other processes %.3f ms",
							ticks[1] * 10.0 / samples.length, (ticks[0] - ticks[1]) * 10.0 / samples.length)
					: String.format(Locale.ROOT, "machine %.0f %% busy, too idle to split", busy * 100);
			System.out.printf(Locale.ROOT,
					"  CPU per call: machine %.3f ms (%s); PostgreSQL transactions per call %.2f%n",
					ticks[0] * 10.0 / samples.length, split, ticks[2] / (double) samples.length);
		}
		CpuByThread.Snapshot[] window = threads.get();
		System.out.print(CpuByThread.perCall(window[0], window[1], samples.length));
		printSlowCalls(slow, System.currentTimeMillis() - (System.nanoTime() - measureFrom) / 1_000_000);
		if (waits != null) {
			System.out.print(waits.get());
		}
		if (statements != null) {
			System.out.println("  statements: executions per call, mean planning + execution ms, rows per execution");
			for (String statement : statements.get()) {
				String[] parts = statement.split("\t", 4);
				long executions = Long.parseLong(parts[0]);
				System.out.printf(Locale.ROOT, "    %6.2f %8.4f %6.1f  %s%n",
						executions / (double) Math.max(1, samples.length), Double.parseDouble(parts[1]),
						Long.parseLong(parts[2]) / (double) Math.max(1, executions), parts[3]);
			}
		}
		return row;
	}

	/**
	 * The CPU time spent over the measured window, in clock ticks: by the whole machine
	 * and by this JVM (host, sandbox and agents), the rest being PostgreSQL; then the
	 * PostgreSQL transactions of the window. Null where {@code /proc} is not readable.
	 */
	private static long[] sampleCpu(long from, long end) {
		LockSupport.parkNanos(Math.max(0, from - System.nanoTime()));
		long[] before = cpuTicks();
		long commitsBefore = commits(benchCluster);
		LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
		long[] after = cpuTicks();
		long commitsAfter = commits(benchCluster);
		return (before == null || after == null) ? null
				: new long[] { after[0] - before[0], after[1] - before[1], commitsAfter - commitsBefore };
	}

	private static long[] cpuTicks() {
		try {
			String[] machine = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
				.get(0)
				.trim()
				.split("\\s+");
			// user, nice, system, irq, softirq: not idle, iowait, steal or guest (in
			// user).
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7 }) {
				busy += Long.parseLong(machine[i]);
			}
			String self = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
			String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
			return new long[] { busy, Long.parseLong(fields[11]) + Long.parseLong(fields[12]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Samples what the server's active client sessions wait on, every 10 ms over the
	 * measured window: how many sessions were active per sample, and the share of each
	 * wait (CPU when none).
	 */
	private static String sampleWaits(LauncherCluster cluster, long from, long end) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		long samples = 0;
		LockSupport.parkNanos(Math.max(0, from - System.nanoTime()));
		while (System.nanoTime() < end) {
			samples++;
			cluster.jdbc()
				.query("SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity"
						+ " WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
						(rs) -> {
							counts.merge(rs.getString(1), 1L, Long::sum);
						});
			LockSupport.parkNanos(10_000_000);
		}
		StringBuilder out = new StringBuilder();
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		out.append(String.format(Locale.ROOT, "  PostgreSQL sessions active per sample: %.2f (%d samples)%n",
				total / (double) Math.max(1, samples), samples));
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(6)
			.forEach((e) -> out.append(String.format(Locale.ROOT, "    %-40s %5.1f%%%n", e.getKey(),
					100.0 * e.getValue() / Math.max(1, total))));
		return out.toString();
	}

	/**
	 * The five statements with the most execution time over the measured window, each as
	 * "executions, mean planning + execution ms, rows, text" separated by tabs. Planning
	 * counts only where the server tracks it
	 * ({@code pg_stat_statements.track_planning=on} in
	 * {@code e2e.postgres.serverConfig}); a statement re-planned on every execution costs
	 * its backend CPU that execution time alone does not show.
	 */
	private static List<String> sampleStatements(LauncherCluster cluster, long from, long end) {
		LockSupport.parkNanos(Math.max(0, from - System.nanoTime()));
		cluster.jdbc().execute("SELECT pg_stat_statements_reset()");
		LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
		return cluster.jdbc()
			.query("SELECT calls, mean_exec_time + mean_plan_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 70)"
					+ " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 5",
					(rs, row) -> rs.getLong(1) + "\t" + rs.getDouble(2) + "\t" + rs.getLong(3) + "\t"
							+ rs.getString(4));
	}

	/**
	 * Groups slow calls into 50 ms windows of their start, with the wall clock of each.
	 */
	private static void printSlowCalls(Queue<long[]> slow, long measureFromMillis) {
		if (slow.isEmpty()) {
			return;
		}
		java.util.TreeMap<Long, long[]> windows = new java.util.TreeMap<>();
		for (long[] call : slow) {
			long[] window = windows.computeIfAbsent(call[0] / 50_000_000, (key) -> new long[2]);
			window[0]++;
			window[1] = Math.max(window[1], call[1]);
		}
		System.out.printf(Locale.ROOT, "  %d calls over %d ms:%n", slow.size(), SLOW_MILLIS);
		windows.forEach((window, stats) -> System.out.printf(Locale.ROOT, "    %s  +%5d ms  %4d calls, worst %.1f ms%n",
				java.time.Instant.ofEpochMilli(measureFromMillis + window * 50), window * 50, stats[0],
				stats[1] / 1e6));
	}

	/**
	 * Diagnostic: the gateway's tables (rows, dead rows, updates and how many were HOT,
	 * last autovacuum) and the server's oldest open transaction, which holds dead rows
	 * back.
	 */
	private static void printDatabaseState(LauncherCluster cluster) {
		cluster.jdbc().execute("SELECT pg_stat_clear_snapshot()");
		cluster.jdbc()
			.query("SELECT relname, n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd, pg_total_relation_size(relid),"
					+ " last_autovacuum FROM pg_stat_user_tables WHERE relname LIKE 'agw_%' OR relname LIKE 'launcher_%'"
					+ " ORDER BY relname", (rs) -> {
						System.out.printf(Locale.ROOT, "  %-28s live %9d dead %9d upd %9d hot %9d %8d kB vacuum %s%n",
								rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
								rs.getLong(6) / 1024, rs.getString(7));
					});
		cluster.jdbc()
			.query("SELECT state, backend_type, now() - xact_start, left(query, 60) FROM pg_stat_activity"
					+ " WHERE xact_start IS NOT NULL ORDER BY xact_start LIMIT 5", (rs) -> {
						System.out.printf(Locale.ROOT, "  open: %s %s for %s: %s%n", rs.getString(1), rs.getString(2),
								rs.getString(3), rs.getString(4));
					});
	}

	/** Runs the workload on {@code concurrency} threads until {@code end}, unmeasured. */
	private static void warmUp(int concurrency, long end, Workload workload) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Callable<Boolean> call = workload.forWorker(w);
			futures.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					call.call();
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdownNow();
	}

	/**
	 * Calls at {@code rate} per second over {@link #OPEN_LOOP_WORKERS} agents until
	 * {@code end}, measuring nothing.
	 */
	private static void warmUpAtRate(int rate, long end, Workload workload) throws Exception {
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		AtomicLong next = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_WORKERS);
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < OPEN_LOOP_WORKERS; w++) {
			Callable<Boolean> call = workload.forWorker(w);
			futures.add(pool.submit(() -> {
				for (long planned = start + next.getAndIncrement() * interval; planned < end; planned = start
						+ next.getAndIncrement() * interval) {
					LockSupport.parkNanos(Math.max(0, planned - System.nanoTime()));
					call.call();
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdownNow();
	}

	/** PostgreSQL transactions per sequential call, from the server's own counters. */
	private static String commitsPerCall(LauncherCluster cluster, HttpClient http, LauncherNode node, String token,
			String body, String tool) throws Exception {
		int calls = 200;
		for (int i = 0; i < 50; i++) {
			mcp(http, node, token, body);
		}
		Thread.sleep(1500);
		long before = commits(cluster);
		for (int i = 0; i < calls; i++) {
			mcp(http, node, token, body);
		}
		Thread.sleep(1500);
		long after = commits(cluster);
		String line = String.format(Locale.ROOT, "%s: %.1f PostgreSQL transactions per call (%d sequential calls)%n",
				tool, (after - before) / (double) calls, calls);
		System.out.print(line);
		return line;
	}

	private static long commits(LauncherCluster cluster) {
		cluster.jdbc().execute("SELECT pg_stat_clear_snapshot()");
		Long commits = cluster.jdbc()
			.queryForObject(
					"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()",
					Long.class);
		return (commits != null) ? commits : 0;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static boolean mcp(HttpClient http, LauncherNode node, String token, String body) throws Exception {
		if (!JDK_CLIENT) {
			return mcpBlocking(node, token, body);
		}
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/plugins/agent-gateway/mcp"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Protocol-Version", "2025-06-18")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return false;
		}
		return succeeded(response.body());
	}

	/** One MCP call over this worker's keep-alive connection ({@link #exchange}). */
	private static boolean mcpBlocking(LauncherNode node, String token, String body) throws Exception {
		URI uri = node.uri("/plugins/agent-gateway/mcp");
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
				+ "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: 2025-06-18\r\n"
				+ "Content-Length: " + payload.length + "\r\n\r\n";
		Answer answer = exchange(uri, head, payload);
		return answer != null && answer.status() == 200 && succeeded(answer.body());
	}

	/**
	 * The floor under every request: a small JSON document (the RFC 9728 metadata of the
	 * MCP endpoint) served by the host through Tomcat, its security chain and Spring MVC,
	 * with no token, no database and no plugin code.
	 */
	private static boolean httpFloor(LauncherNode node) throws Exception {
		URI uri = node.uri("/.well-known/oauth-protected-resource/plugins/agent-gateway/mcp");
		String head = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAccept: application/json\r\n\r\n";
		Answer answer = exchange(uri, head, new byte[0]);
		return answer != null && answer.status() == 200 && answer.body().contains("\"resource\"");
	}

	/**
	 * One request over this worker's blocking keep-alive HTTP/1.1 connection with
	 * {@code TCP_NODELAY}, the way an agent's own client talks to the gateway from
	 * another machine: the calling thread writes the whole request in one segment and
	 * reads the answer itself, with no selector or executor hand-offs competing with the
	 * host for the same two CPUs.
	 * @return the answer, or {@code null} when the connection failed twice
	 */
	private static Answer exchange(URI uri, String head, byte[] payload) throws IOException {
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + payload.length);
		System.arraycopy(payload, 0, request, headBytes.length, payload.length);
		for (int attempt = 0; attempt < 2; attempt++) {
			Connection connection = CONNECTIONS.get();
			if (connection == null) {
				Socket socket = new Socket(uri.getHost(), uri.getPort());
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(30_000);
				connection = new Connection(socket, new BufferedInputStream(socket.getInputStream(), 64 * 1024),
						socket.getOutputStream());
				CONNECTIONS.set(connection);
			}
			try {
				connection.out().write(request);
				connection.out().flush();
				return connection.readAnswer();
			}
			catch (IOException ex) {
				connection.socket().close();
				CONNECTIONS.remove();
			}
		}
		return null;
	}

	/** A status and a body. */
	private record Answer(int status, String body) {
	}

	private static final ThreadLocal<Connection> CONNECTIONS = new ThreadLocal<>();

	/** A worker's keep-alive connection to the host. */
	private record Connection(Socket socket, BufferedInputStream in, OutputStream out) {

		/**
		 * Reads one response (Content-Length or chunked).
		 */
		Answer readAnswer() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			byte[] body;
			if (chunked) {
				java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(),
						16)) {
					collected.write(this.in.readNBytes(size));
					line();
				}
				line();
				body = collected.toByteArray();
			}
			else {
				body = this.in.readNBytes(Math.max(0, length));
			}
			if (close) {
				this.socket.close();
				CONNECTIONS.remove();
			}
			return new Answer(status, new String(body, StandardCharsets.UTF_8));
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	/**
	 * Whether a JSON-RPC answer is a result that is not a tool error. Read without
	 * parsing the answer, which an agent does on its own machine: inside a JSON string
	 * every quote is escaped, so {@code "result":} and {@code "isError":true} can only be
	 * the members themselves, never card text.
	 */
	static boolean succeeded(String answer) {
		return answer.contains("\"result\":") && !answer.contains("\"isError\":true");
	}

	private static String toolCall(String tool, Map<String, Object> arguments) {
		return JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/call", "params",
				Map.of("name", tool, "arguments", arguments)));
	}

	private static void liftLimits(LauncherNode node) {
		HttpResponse<String> response = node.send(node.as("admin", LauncherNode.API + "/policy")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"maxTokenDays\":90,\"defaultTokenDays\":30,"
					+ "\"burstRequests\":10000,\"burstSeconds\":1,\"requestsPerMinute\":100000,"
					+ "\"writesPerDay\":100000,\"connectedMinutes\":15,\"staleHours\":24,\"reportingMode\":false}")));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("policy update failed: " + response.statusCode());
		}
	}

}
