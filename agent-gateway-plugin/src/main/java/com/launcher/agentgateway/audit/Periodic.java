package com.launcher.agentgateway.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background pass on a daemon thread of its own, for the audit log's retention and
 * stream: started once the plugin has started, stopped (interrupting a pass, which ends
 * after its current batch) when it stops.
 */
final class Periodic {

	private final ScheduledExecutorService executor;

	private Periodic(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	static Periodic start(String threadName, Runnable pass, Duration firstAfter, Duration interval) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(pass, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		return new Periodic(executor);
	}

	void stop() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
