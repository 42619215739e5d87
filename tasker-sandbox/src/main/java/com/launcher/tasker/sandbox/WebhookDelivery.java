package com.launcher.tasker.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One webhook send attempt the sandbox made (or, for a fault or a refused address, would
 * have made), in the order they happened: for tests to assert what was sent, to where,
 * and what came of it.
 *
 * @param deliveryId the {@code X-Plane-Delivery} header, new for every attempt
 * @param webhookId the webhook
 * @param url where it went
 * @param event {@code issue}, {@code issue_comment} or {@code project}
 * @param action {@code created} or {@code updated}
 * @param field the changed field of an update ({@code activity.field}), else {@code null}
 * @param retry 0 for the first attempt, then Plane's retry count
 * @param headers the headers sent, in order
 * @param body the body sent, exactly
 * @param status the HTTP status answered, 0 when none
 * @param outcome what came of it
 * @param faults the faults injected into it
 * @param at when it happened
 */
public record WebhookDelivery(UUID deliveryId, UUID webhookId, String url, String event, String action, String field,
		int retry, Map<String, String> headers, String body, int status, Outcome outcome, Set<WebhookFault> faults,
		Instant at) {

	public WebhookDelivery {
		Objects.requireNonNull(deliveryId, "deliveryId");
		Objects.requireNonNull(webhookId, "webhookId");
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(outcome, "outcome");
		faults = Set.copyOf(faults);
	}

	/**
	 * A header as sent.
	 * @param name the header name, any case
	 * @return the value, or {@code null}
	 */
	public String header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	public byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/** What came of one attempt. */
	public enum Outcome {

		/** The receiver answered 2xx. */
		DELIVERED,

		/** The receiver answered another status; Plane never retries it. */
		REFUSED,

		/** No answer (refused connection, timeout, reset); retried with backoff. */
		TRANSPORT_ERROR,

		/** Not sent: the URL resolves to a private or loopback address not allowed. */
		BLOCKED,

		/** Not sent: a {@link WebhookFault#DROP} fault. */
		DROPPED

	}

}
