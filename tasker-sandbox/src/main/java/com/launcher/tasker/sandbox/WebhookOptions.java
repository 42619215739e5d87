package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the sandbox sends webhooks: Plane's {@code WEBHOOK_ALLOWED_IPS} and
 * {@code WEBHOOK_ALLOWED_HOSTS} (without them loopback and private receivers are refused
 * at registration and dropped at send time), the 30-second send timeout, and a scale on
 * the retry backoff so tests need not wait Plane's minutes.
 *
 * @param allowedIps addresses or CIDR ranges allowed although private or loopback, for
 * example {@code 127.0.0.0/8}
 * @param allowedHosts host names allowed whatever they resolve to (exact,
 * case-insensitive)
 * @param timeout how long one send may take (Plane: 30 s)
 * @param backoffScale factor on the retry delays (Plane: 1, up to 600 s per retry)
 * @param seed the seed of the retry jitter and of rate-based faults, for repeatable tests
 */
public record WebhookOptions(List<String> allowedIps, List<String> allowedHosts, Duration timeout, double backoffScale,
		long seed) {

	public WebhookOptions {
		allowedIps = List.copyOf(allowedIps);
		allowedIps.forEach(Cidr::parse);
		allowedHosts = allowedHosts.stream().map((host) -> host.strip().toLowerCase(Locale.ROOT)).toList();
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		if (!(backoffScale >= 0 && backoffScale <= 1)) {
			throw new IllegalArgumentException("backoffScale must be between 0 and 1");
		}
	}

	/**
	 * Plane's defaults: no private receiver allowed, 30 s timeout, real backoff.
	 * @return the defaults
	 */
	public static WebhookOptions plane() {
		return new WebhookOptions(List.of(), List.of(), Duration.ofSeconds(30), 1.0, 42);
	}

	/**
	 * These options with loopback receivers allowed, as the demo and tests need
	 * ({@code WEBHOOK_ALLOWED_IPS=127.0.0.0/8,::1/128}).
	 * @return the new options
	 */
	public WebhookOptions allowingLoopback() {
		List<String> ips = new ArrayList<>(this.allowedIps);
		ips.add("127.0.0.0/8");
		ips.add("::1/128");
		return new WebhookOptions(ips, this.allowedHosts, this.timeout, this.backoffScale, this.seed);
	}

	public WebhookOptions withAllowlist(List<String> ips, List<String> hosts) {
		return new WebhookOptions(ips, hosts, this.timeout, this.backoffScale, this.seed);
	}

	/**
	 * These options with another send timeout and backoff scale; {@code 0.0001} turns
	 * Plane's retry delays of up to 600 s into up to 60 ms.
	 * @param timeout the send timeout
	 * @param backoffScale the factor on retry delays
	 * @return the new options
	 */
	public WebhookOptions withTiming(Duration timeout, double backoffScale) {
		return new WebhookOptions(this.allowedIps, this.allowedHosts, timeout, backoffScale, this.seed);
	}

	public WebhookOptions withSeed(long seed) {
		return new WebhookOptions(this.allowedIps, this.allowedHosts, this.timeout, this.backoffScale, seed);
	}

}
