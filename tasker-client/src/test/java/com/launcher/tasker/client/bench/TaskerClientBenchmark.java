package com.launcher.tasker.client.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.tasker.client.PlaneClientOptions;
import com.launcher.tasker.client.PlaneTaskerClient;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;

/**
 * Measures the client over the sandbox on loopback: latency of get-by-id and create, and
 * a burst of 200 calls against a budget equal to the sandbox's limit. Prints a Markdown
 * report to standard output (a benchmark main, not library code).
 */
public final class TaskerClientBenchmark {

	private static final int WARMUP = 300;

	private static final int SAMPLES = 2000;

	private TaskerClientBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		StringBuilder report = new StringBuilder();
		latency(report);
		burst(report, 60, Duration.ofSeconds(6));
		System.out.println(report);
	}

	private static void latency(StringBuilder report) {
		try (TaskerSandbox sandbox = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)))) {
			PlaneTaskerClient client = PlaneTaskerClient.builder(sandbox.baseUrl(), sandbox.demoApiKey())
				.options(PlaneClientOptions.defaults()
					.withRateBudget(1_000_000, Duration.ofMinutes(1), Duration.ofSeconds(5)))
				.build();
			UUID project = sandbox.projectId("OPS");
			TaskerWorkItem item = client.createWorkItem("demo", project, WorkItemDraft.builder("seed").build(),
					new ExternalRef("bench", "seed"));
			for (int i = 0; i < WARMUP; i++) {
				client.getWorkItem("demo", project, item.id());
			}
			List<Long> gets = new ArrayList<>();
			for (int i = 0; i < SAMPLES; i++) {
				long start = System.nanoTime();
				client.getWorkItem("demo", project, item.id());
				gets.add(System.nanoTime() - start);
			}
			for (int i = 0; i < WARMUP; i++) {
				client.createWorkItem("demo", project, WorkItemDraft.builder("warm " + i).build(),
						new ExternalRef("bench", "warm-" + i));
			}
			List<Long> creates = new ArrayList<>();
			for (int i = 0; i < SAMPLES; i++) {
				long start = System.nanoTime();
				client.createWorkItem("demo", project, WorkItemDraft.builder("item " + i).build(),
						new ExternalRef("bench", "item-" + i));
				creates.add(System.nanoTime() - start);
			}
			report.append("| call | samples | median | p99 |\n|---|---|---|---|\n");
			report.append(row("get work item by id (R10)", gets));
			report.append(row("create work item (W1)", creates));
		}
	}

	private static void burst(StringBuilder report, int limit, Duration window) throws Exception {
		try (TaskerSandbox sandbox = TaskerSandbox.start(SandboxOptions.forTests().withRateLimit(limit, window))) {
			PlaneTaskerClient client = PlaneTaskerClient.builder(sandbox.baseUrl(), sandbox.demoApiKey())
				.options(PlaneClientOptions.defaults()
					.withRateBudget(limit, window, Duration.ofSeconds(60))
					.withConcurrency(8, Duration.ofSeconds(60)))
				.build();
			UUID project = sandbox.projectId("WEB");
			sandbox.clearJournal();
			ExecutorService pool = Executors.newFixedThreadPool(32);
			List<Future<Long>> futures = new ArrayList<>();
			long begin = System.nanoTime();
			for (int i = 0; i < 200; i++) {
				futures.add(pool.submit(() -> {
					long start = System.nanoTime();
					client.getProject("demo", project);
					return System.nanoTime() - start;
				}));
			}
			List<Long> latencies = new ArrayList<>();
			int failed = 0;
			for (Future<Long> future : futures) {
				try {
					latencies.add(future.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (ex.getCause() instanceof TaskerException) {
						failed++;
					}
					else {
						throw ex;
					}
				}
			}
			long total = System.nanoTime() - begin;
			pool.shutdown();
			long rejected = sandbox.journal().stream().filter((JournalEntry e) -> e.status() == 429).count();
			PlaneTaskerClient.Stats stats = client.stats();
			report.append("\nBurst of 200 calls from 32 threads, budget = sandbox limit = ")
				.append(limit)
				.append(" per ")
				.append(window.toSeconds())
				.append(" s sliding window:\n\n");
			report.append("| measure | value |\n|---|---|\n");
			report.append("| calls completed | ").append(latencies.size()).append(" |\n");
			report.append("| calls failed | ").append(failed).append(" |\n");
			report.append("| 429 answers from the sandbox | ").append(rejected).append(" |\n");
			report.append("| calls that waited for a permit | ").append(stats.permitWaits()).append(" |\n");
			report.append("| longest wait for a permit | ").append(ms(stats.maxPermitWait().toNanos())).append(" |\n");
			report.append("| mean wait of those that waited | ")
				.append(ms(stats.totalPermitWait().toNanos() / Math.max(1, stats.permitWaits())))
				.append(" |\n");
			report.append("| median / p99 call latency in the burst | ")
				.append(ms(percentile(latencies, 50)))
				.append(" / ")
				.append(ms(percentile(latencies, 99)))
				.append(" |\n");
			report.append("| whole burst | ").append(ms(total)).append(" |\n");
		}
	}

	private static String row(String name, List<Long> samples) {
		return "| " + name + " | " + samples.size() + " | " + ms(percentile(samples, 50)) + " | "
				+ ms(percentile(samples, 99)) + " |\n";
	}

	private static long percentile(List<Long> samples, int percent) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
	}

}
