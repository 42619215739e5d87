package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The webhook faults tests have asked for: each for the next few deliveries, or for every
 * delivery with a probability drawn from a seeded generator.
 */
final class WebhookFaults {

	private final Map<WebhookFault, Integer> next = new EnumMap<>(WebhookFault.class);

	private final Map<WebhookFault, Double> rates = new EnumMap<>(WebhookFault.class);

	private final Random random;

	private Duration delay = Duration.ofMillis(200);

	WebhookFaults(long seed) {
		this.random = new Random(seed);
	}

	synchronized void next(WebhookFault fault, int count) {
		Objects.requireNonNull(fault, "fault");
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		this.next.put(fault, count);
	}

	synchronized void rate(WebhookFault fault, double rate) {
		Objects.requireNonNull(fault, "fault");
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException("rate must be between 0 and 1");
		}
		this.rates.put(fault, rate);
	}

	synchronized void delay(Duration delay) {
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		this.delay = delay;
	}

	synchronized Duration delay() {
		return this.delay;
	}

	synchronized void clear() {
		this.next.clear();
		this.rates.clear();
	}

	/** The faults of the next delivery, taking one of each pending "next" count. */
	synchronized Set<WebhookFault> draw() {
		Set<WebhookFault> faults = EnumSet.noneOf(WebhookFault.class);
		for (WebhookFault fault : WebhookFault.values()) {
			int left = this.next.getOrDefault(fault, 0);
			if (left > 0) {
				this.next.put(fault, left - 1);
				faults.add(fault);
			}
			else if (this.random.nextDouble() < this.rates.getOrDefault(fault, 0.0)) {
				faults.add(fault);
			}
		}
		return faults;
	}

}
