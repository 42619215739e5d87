package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.tasker.sandbox.SandboxModel.Webhook;
import com.launcher.tasker.sandbox.WebhookDelivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's {@code webhook_send_task} (plane-api.md §7, {@code bgtasks/webhook_task.py}),
 * the last of the three tasks {@link WebhookDispatcher} runs: it signs and posts one
 * event to one webhook. A transport error is retried up to 5 times with Celery's jittered
 * backoff, then the webhook is deactivated; an answer of any status is final. The faults
 * tests inject ({@link WebhookFault}) act here, on the delivery they were drawn for.
 * Every method runs on the dispatcher's one worker thread, and schedules its follow-ups
 * (retries, delays, a held delivery's release) through that worker so that they count as
 * pending for {@link WebhookDispatcher#awaitIdle(Duration)}.
 */
final class WebhookSender {

	/** Celery's {@code max_retries=5}. */
	static final int MAX_RETRIES = 5;

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	/**
	 * Celery's {@code retry_backoff=600} with its default {@code retry_backoff_max=600}.
	 */
	private static final long BACKOFF_SECONDS = 600;

	/**
	 * How long a delivery held back by {@link WebhookFault#REORDER} waits for the next.
	 */
	private static final Duration REORDER_HOLD = Duration.ofMillis(300);

	private final SandboxStore store;

	private final WebhookUrlPolicy policy;

	private final WebhookFaults faults;

	private final WebhookJournal journal;

	private final WebhookOptions options;

	private final Worker worker;

	/** Used on the worker thread only. */
	private HttpClient http;

	private final Random jitter;

	/** A delivery held back by REORDER; touched only on the worker thread. */
	private Attempt held;

	WebhookSender(SandboxStore store, WebhookUrlPolicy policy, WebhookFaults faults, WebhookJournal journal,
			WebhookOptions options, Worker worker) {
		this.store = store;
		this.policy = policy;
		this.faults = faults;
		this.journal = journal;
		this.options = options;
		this.worker = worker;
		this.jitter = new Random(options.seed());
	}

	/**
	 * The dispatcher's worker, which counts what it runs as pending; the sender schedules
	 * all its later work through it.
	 */
	interface Worker {

		void submit(Runnable task, Duration delay);

	}

	/** The client is made on the first send: most sandboxes never send a webhook. */
	private HttpClient http() {
		HttpClient client = this.http;
		if (client == null) {
			client = HttpClient.newBuilder()
				.connectTimeout(this.options.timeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			this.http = client;
		}
		return client;
	}

	/**
	 * Queues the first send of an event to a webhook, as {@code webhook_activity} queues
	 * {@code webhook_send_task}, with the faults drawn for this delivery.
	 */
	void queue(UUID webhookId, String event, String action, String field, ObjectNode data, ObjectNode activity) {
		Attempt attempt = new Attempt(webhookId, event, action, field, data, activity, 0, this.faults.draw(), false,
				false);
		this.worker.submit(() -> send(attempt), Duration.ZERO);
	}

	/** Plane's {@code webhook_send_task}, with the faults injected into this delivery. */
	private void send(Attempt attempt) {
		String url;
		String secret;
		UUID workspaceId;
		synchronized (this.store.lock) {
			Webhook webhook = this.store.webhooks.get(attempt.webhookId());
			if (webhook == null) {
				return;
			}
			url = webhook.url;
			secret = webhook.secretKey;
			workspaceId = this.store.workspaceId;
		}
		ObjectNode payload = Json.MAPPER.createObjectNode();
		payload.put("event", attempt.event());
		payload.put("action", attempt.action());
		payload.put("webhook_id", attempt.webhookId().toString());
		payload.put("workspace_id", workspaceId.toString());
		payload.set("data", attempt.data());
		payload.set("activity", attempt.activity());
		String body = PythonJson.dumps(payload);
		Set<WebhookFault> faults = attempt.faults();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("User-Agent", "Autopilot");
		headers.put("X-Plane-Delivery", UUID.randomUUID().toString());
		headers.put("X-Plane-Event", attempt.event());
		if (secret != null && !secret.isEmpty()) {
			// Lowercase hex HMAC-SHA256 of the body bytes, keyed with the secret's UTF-8.
			String key = faults.contains(WebhookFault.BAD_SIGNATURE) ? secret + "-not-the-secret" : secret;
			headers.put("X-Plane-Signature", hmacHex(key, body));
		}
		// Plane re-validates the address at send time (DNS rebinding) and drops silently.
		if (this.policy.refusal(url) != null) {
			record(attempt, url, headers, body, 0, Outcome.BLOCKED);
			return;
		}
		if (faults.contains(WebhookFault.DROP)) {
			record(attempt, url, headers, body, 0, Outcome.DROPPED);
			return;
		}
		if (faults.contains(WebhookFault.DELAY) && !attempt.delayed()) {
			this.worker.submit(() -> send(attempt.delayedOnce()), this.faults.delay());
			return;
		}
		if (faults.contains(WebhookFault.REORDER) && !attempt.reordered() && this.held == null) {
			this.held = attempt;
			this.worker.submit(this::releaseHeld, REORDER_HOLD);
			return;
		}
		post(attempt, url, headers, body);
		if (faults.contains(WebhookFault.DUPLICATE)) {
			Map<String, String> again = new LinkedHashMap<>(headers);
			again.put("X-Plane-Delivery", UUID.randomUUID().toString());
			post(attempt, url, again, body);
		}
		releaseHeld();
	}

	private void releaseHeld() {
		Attempt attempt = this.held;
		if (attempt != null) {
			this.held = null;
			send(attempt.releasedFromHold());
		}
	}

	private void post(Attempt attempt, String url, Map<String, String> headers, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.options.timeout())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		try {
			HttpResponse<Void> response = http().send(request.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			// Plane logs the answer and stops: a non-2xx status is never retried.
			record(attempt, url, headers, body, status,
					(status >= 200 && status < 300) ? Outcome.DELIVERED : Outcome.REFUSED);
		}
		catch (IOException | IllegalArgumentException ex) {
			record(attempt, url, headers, body, 0, Outcome.TRANSPORT_ERROR);
			retryOrDeactivate(attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void retryOrDeactivate(Attempt attempt) {
		if (attempt.retry() >= MAX_RETRIES) {
			synchronized (this.store.lock) {
				Webhook webhook = this.store.webhooks.get(attempt.webhookId());
				if (webhook != null) {
					webhook.active = false;
				}
			}
			logger.info("Tasker sandbox deactivated webhook {} after {} failed retries", attempt.webhookId(),
					MAX_RETRIES);
			return;
		}
		// Celery's exponential backoff with full jitter: a random whole number of seconds
		// up to min(600 * 2^retries, 600).
		long ceiling = Math.min(BACKOFF_SECONDS << attempt.retry(), BACKOFF_SECONDS);
		long seconds;
		synchronized (this.jitter) {
			seconds = this.jitter.nextLong(ceiling + 1);
		}
		Duration delay = Duration.ofNanos((long) (seconds * 1_000_000_000L * this.options.backoffScale()));
		this.worker.submit(() -> send(attempt.retried()), delay);
	}

	private void record(Attempt attempt, String url, Map<String, String> headers, String body, int status,
			Outcome outcome) {
		WebhookDelivery delivery = new WebhookDelivery(UUID.fromString(headers.get("X-Plane-Delivery")),
				attempt.webhookId(), url, attempt.event(), attempt.action(), attempt.field(), attempt.retry(), headers,
				body, status, outcome, attempt.faults(), Instant.now());
		logger.debug("Tasker sandbox webhook {} {} {} -> {} {}", attempt.event(), attempt.action(), url, outcome,
				status);
		this.journal.add(delivery);
	}

	static String hmacHex(String key, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * One send task's arguments, as Celery keeps them across retries: the data read by
	 * {@code webhook_activity}, the activity, and the retry count.
	 */
	private record Attempt(UUID webhookId, String event, String action, String field, ObjectNode data,
			ObjectNode activity, int retry, Set<WebhookFault> faults, boolean delayed, boolean reordered) {

		Attempt retried() {
			// Faults belong to the first attempt; a retry is a clean send.
			return new Attempt(this.webhookId, this.event, this.action, this.field, this.data, this.activity,
					this.retry + 1, Set.of(), false, false);
		}

		Attempt delayedOnce() {
			return new Attempt(this.webhookId, this.event, this.action, this.field, this.data, this.activity,
					this.retry, this.faults, true, this.reordered);
		}

		Attempt releasedFromHold() {
			return new Attempt(this.webhookId, this.event, this.action, this.field, this.data, this.activity,
					this.retry, this.faults, this.delayed, true);
		}

	}

}
