package com.launcher.e2e.bench;

import java.time.Duration;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.budget.FairnessRun;

/**
 * Issue 14's fairness figure: one agent floods reads that reach Tasker from six threads
 * while another writes every four seconds, for three minutes, on Plane's default limits
 * (sandbox 60 a minute per key, host limiter 60, the plugin's default budget). Prints
 * each write's answer time (median, p95, max) and every refusal. Not a test: run it by
 * hand (docs/BENCHMARKS.md) and copy the printed table.
 */
public final class TaskerFairnessBenchmark {

	private TaskerFairnessBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration drive = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 180);
		try (LauncherCluster cluster = FairnessRun.cluster()) {
			System.out.println(FairnessRun.report(cluster, drive));
		}
	}

}
