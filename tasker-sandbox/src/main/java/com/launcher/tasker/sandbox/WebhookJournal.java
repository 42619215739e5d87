package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every webhook send attempt, in the order the worker made them, for tests to read and to
 * wait on (Plane's own webhook logs are not reproduced). It has its own monitor, so a
 * test waiting for deliveries is woken by a new entry rather than by every task the
 * worker finishes, and adding one never contends with the worker's pending count.
 */
final class WebhookJournal {

	private final Object monitor = new Object();

	private final List<WebhookDelivery> entries = new ArrayList<>();

	/** Adds an attempt and wakes whoever waits for it. */
	void add(WebhookDelivery delivery) {
		synchronized (this.monitor) {
			this.entries.add(delivery);
			this.monitor.notifyAll();
		}
	}

	List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (this.entries.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, left);
			}
			return List.copyOf(this.entries);
		}
	}

	List<WebhookDelivery> deliveries() {
		synchronized (this.monitor) {
			return List.copyOf(this.entries);
		}
	}

	void clear() {
		synchronized (this.monitor) {
			this.entries.clear();
		}
	}

}
