package com.launcher.e2e.budget;

import java.time.Duration;

import com.launcher.e2e.LauncherCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's fairness figure as a test: one agent floods reads that reach Tasker from six
 * threads while another writes; no write is refused and no read is admitted while a write
 * waits for the budget. Latencies are measured by {@code bench/TaskerFairnessBenchmark},
 * not asserted here.
 */
class TaskerFairnessEndToEndTests {

	private static final Logger logger = LoggerFactory.getLogger(TaskerFairnessEndToEndTests.class);

	private static LauncherCluster cluster;

	@BeforeAll
	static void start() {
		cluster = FairnessRun.cluster();
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void writesWhenAnotherAgentFloodsReadsThenNoneRefusedAndNoReadGoesBeforeAWaitingWrite() throws Exception {
		// Every third round the writer sends three writes at once, more than the calls
		// kept for writes: those must wait, and while they do, no read may go first.
		FairnessRun.Result result = FairnessRun.run(cluster, Duration.ofSeconds(30), 6, Duration.ofSeconds(4), 3);
		logger.info(
				"Fairness run: writes {} ({} Tasker calls, {} waited), reads {}, reads admitted while a write"
						+ " waited {}, 429s {}",
				result.writes(), result.writeCalls(), result.writeCallsThatWaited(), result.reads(),
				result.readsWhileWriteWaited(), result.tasker429());

		assertThat(result.writeMillis()).as("the writer kept writing").hasSizeGreaterThanOrEqualTo(6);
		assertThat(result.refusedWrites()).as("writes refused: " + result.writes()).isZero();
		assertThat(result.reads()).as("the flood was held back by the budget").containsKey("tasker_busy");
		assertThat(result.writeCallsThatWaited()).as("some writes had to wait for the budget").isPositive();
		assertThat(result.readsWhileWriteWaited()).as("no read admitted while a write waited").isZero();
		assertThat(result.tasker429()).isZero();
	}

}
