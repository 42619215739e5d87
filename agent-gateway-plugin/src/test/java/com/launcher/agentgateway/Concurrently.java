package com.launcher.agentgateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races for tests: several threads released at the same moment. */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Runs {@code task} on {@code threads} threads released together, waits for all of
	 * them (a minute at most) and rethrows the first failure.
	 * @param threads how many threads
	 * @param task what each runs, given its index
	 * @throws Exception what a task threw, wrapped in an {@code ExecutionException}
	 */
	public static void run(int threads, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int index = t;
				futures.add(pool.submit(() -> {
					start.await();
					task.run(index);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The work of one thread. */
	@FunctionalInterface
	public interface Task {

		void run(int thread) throws Exception;

	}

}
