package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TaskerSandbox} starts.
 *
 * @param port the loopback port, 0 for a random free one
 * @param rateLimitPerWindow requests each API key may make per window (Plane: 60)
 * @param rateWindow the sliding window (Plane: one minute); tests shorten it
 * @param controlEnabled whether the HTTP control path {@code /_sandbox/} is served (never
 * in the demo)
 * @param seed the initial data
 * @param pathFamilies which work-item path families are served
 * @param maxPerPage the largest {@code per_page}, also the default (Plane CE: 1000; 100
 * imitates an instance that caps pages lower)
 * @param webhooks how webhooks are sent (allowed private receivers, timeout, backoff)
 */
public record SandboxOptions(int port, int rateLimitPerWindow, Duration rateWindow, boolean controlEnabled, Seed seed,
		PathFamilies pathFamilies, int maxPerPage, WebhookOptions webhooks) {

	public SandboxOptions {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0 to 65535");
		}
		if (rateLimitPerWindow < 1) {
			throw new IllegalArgumentException("rateLimitPerWindow must be positive");
		}
		Objects.requireNonNull(rateWindow, "rateWindow");
		if (rateWindow.isNegative() || rateWindow.isZero()) {
			throw new IllegalArgumentException("rateWindow must be positive");
		}
		Objects.requireNonNull(seed, "seed");
		Objects.requireNonNull(pathFamilies, "pathFamilies");
		if (maxPerPage < 1 || maxPerPage > 1000) {
			throw new IllegalArgumentException("maxPerPage must be 1 to 1000");
		}
		Objects.requireNonNull(webhooks, "webhooks");
	}

	/**
	 * The demo's options: random port, Plane's 60 per minute, no control path, demo data,
	 * Plane's webhook defaults (no private receiver allowed).
	 * @return the demo options
	 */
	public static SandboxOptions demo() {
		return new SandboxOptions(0, 60, Duration.ofMinutes(1), false, Seed.DEMO, PathFamilies.BOTH, 1000,
				WebhookOptions.plane());
	}

	/**
	 * Options for tests: demo data and the control path on; webhooks as Plane sends them
	 * (tests allow their loopback receivers with {@link #withWebhooks}).
	 * @return the test options
	 */
	public static SandboxOptions forTests() {
		return new SandboxOptions(0, 60, Duration.ofMinutes(1), true, Seed.DEMO, PathFamilies.BOTH, 1000,
				WebhookOptions.plane());
	}

	public SandboxOptions withPort(int port) {
		return new SandboxOptions(port, this.rateLimitPerWindow, this.rateWindow, this.controlEnabled, this.seed,
				this.pathFamilies, this.maxPerPage, this.webhooks);
	}

	public SandboxOptions withRateLimit(int perWindow, Duration window) {
		return new SandboxOptions(this.port, perWindow, window, this.controlEnabled, this.seed, this.pathFamilies,
				this.maxPerPage, this.webhooks);
	}

	public SandboxOptions withControl(boolean enabled) {
		return new SandboxOptions(this.port, this.rateLimitPerWindow, this.rateWindow, enabled, this.seed,
				this.pathFamilies, this.maxPerPage, this.webhooks);
	}

	public SandboxOptions withSeed(Seed seed) {
		return new SandboxOptions(this.port, this.rateLimitPerWindow, this.rateWindow, this.controlEnabled, seed,
				this.pathFamilies, this.maxPerPage, this.webhooks);
	}

	public SandboxOptions withMaxPerPage(int maxPerPage) {
		return new SandboxOptions(this.port, this.rateLimitPerWindow, this.rateWindow, this.controlEnabled, this.seed,
				this.pathFamilies, maxPerPage, this.webhooks);
	}

	public SandboxOptions withWebhooks(WebhookOptions webhooks) {
		return new SandboxOptions(this.port, this.rateLimitPerWindow, this.rateWindow, this.controlEnabled, this.seed,
				this.pathFamilies, this.maxPerPage, webhooks);
	}

	public SandboxOptions withPathFamilies(PathFamilies pathFamilies) {
		return new SandboxOptions(this.port, this.rateLimitPerWindow, this.rateWindow, this.controlEnabled, this.seed,
				pathFamilies, this.maxPerPage, this.webhooks);
	}

	/**
	 * The initial data.
	 */
	public enum Seed {

		/**
		 * Workspace {@code demo} with projects WEB and OPS, users, cards and comments.
		 */
		DEMO,

		/** Workspace {@code demo} with the agent user only. */
		EMPTY

	}

	/**
	 * Which work-item path families exist (plane-api.md §3, pitfall 1).
	 */
	public enum PathFamilies {

		/** {@code /work-items/} and {@code /issues/}, as Plane v1.1.0 and later. */
		BOTH,

		/** Only {@code /issues/}, as Plane before v1.1.0. */
		ISSUES_ONLY

	}

}
