package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;
import com.launcher.tasker.sandbox.SandboxModel.Webhook;
import com.launcher.tasker.sandbox.WebhookDelivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's webhook pipeline (plane-api.md §7, {@code bgtasks/webhook_task.py}) on one
 * worker thread, after the API has answered, as Celery runs it: {@code model_activity}
 * makes one event for a creation or one per changed requested field;
 * {@code webhook_activity} reads the row's latest state <em>when it runs</em> and queues
 * one send per active subscribed webhook; {@code webhook_send_task} signs and posts. A
 * transport error is retried up to 5 times with Celery's jittered backoff, then the
 * webhook is deactivated; an answer of any status is final.
 */
final class WebhookDispatcher implements AutoCloseable {

	/** Celery's {@code max_retries=5}. */
	static final int MAX_RETRIES = 5;

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	/**
	 * Celery's {@code retry_backoff=600} with its default {@code retry_backoff_max=600}.
	 */
	private static final long BACKOFF_SECONDS = 600;

	/**
	 * How long a delivery held back by {@link WebhookFault#REORDER} waits for the next.
	 */
	private static final Duration REORDER_HOLD = Duration.ofMillis(300);

	private final SandboxStore store;

	private final PlaneShapes shapes;

	private final WebhookUrlPolicy policy;

	private final WebhookFaults faults;

	private final WebhookOptions options;

	private final ScheduledThreadPoolExecutor worker;

	/** Used on the worker thread only. */
	private HttpClient http;

	private final Random jitter;

	private final Object monitor = new Object();

	private final WebhookJournal journal = new WebhookJournal();

	private final List<ModelActivity> backlog = new ArrayList<>();

	private int pending;

	private boolean paused;

	/** A delivery held back by REORDER; touched only on the worker thread. */
	private Attempt held;

	WebhookDispatcher(SandboxStore store, PlaneShapes shapes, WebhookOptions options) {
		this.store = store;
		this.shapes = shapes;
		this.options = options;
		this.policy = new WebhookUrlPolicy(options);
		this.faults = new WebhookFaults(options.seed());
		this.jitter = new Random(options.seed());
		this.worker = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "tasker-sandbox-webhooks");
			thread.setDaemon(true);
			return thread;
		});
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

	WebhookUrlPolicy policy() {
		return this.policy;
	}

	WebhookFaults faults() {
		return this.faults;
	}

	WebhookJournal journal() {
		return this.journal;
	}

	// ---- the queue

	/** Queues changes an answered request made, or holds them while paused. */
	void enqueue(List<ModelActivity> activities) {
		synchronized (this.monitor) {
			if (this.paused) {
				this.backlog.addAll(activities);
				return;
			}
		}
		activities.forEach((activity) -> submit(() -> modelActivity(activity), Duration.ZERO));
	}

	/**
	 * Sends an answer, then queues the changes it made. They count as pending from before
	 * the answer, so a caller that got the answer and waits for the worker to be idle
	 * cannot miss them.
	 */
	void afterAnswer(List<ModelActivity> activities, Answer answer) throws IOException {
		if (activities.isEmpty()) {
			answer.send();
			return;
		}
		synchronized (this.monitor) {
			this.pending++;
		}
		try {
			answer.send();
		}
		finally {
			enqueue(activities);
			synchronized (this.monitor) {
				this.pending--;
				this.monitor.notifyAll();
			}
		}
	}

	/** Sends an HTTP answer. */
	interface Answer {

		void send() throws IOException;

	}

	void pause() {
		synchronized (this.monitor) {
			this.paused = true;
		}
	}

	void resume() {
		List<ModelActivity> waiting;
		synchronized (this.monitor) {
			this.paused = false;
			waiting = new ArrayList<>(this.backlog);
			this.backlog.clear();
		}
		enqueue(waiting);
	}

	boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (this.pending > 0 || !this.backlog.isEmpty()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, left);
			}
			return true;
		}
	}

	private void submit(Runnable task, Duration delay) {
		synchronized (this.monitor) {
			this.pending++;
		}
		Runnable counted = () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Tasker sandbox webhook task failed", ex);
			}
			finally {
				synchronized (this.monitor) {
					this.pending--;
					this.monitor.notifyAll();
				}
			}
		};
		try {
			this.worker.schedule(counted, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			synchronized (this.monitor) {
				this.pending--;
				this.monitor.notifyAll();
			}
		}
	}

	// ---- Plane's three tasks

	/**
	 * Plane's {@code model_activity}: one event for a creation, one per changed field.
	 */
	private void modelActivity(ModelActivity activity) {
		if (activity.currentInstance() == null) {
			submit(() -> webhookActivity(activity, "created", null, null, null), Duration.ZERO);
			return;
		}
		for (Map.Entry<String, JsonNode> requested : activity.requestedData().properties()) {
			JsonNode current = activity.currentInstance().get(requested.getKey());
			if (activity.currentInstance().has(requested.getKey()) && !pythonEquals(current, requested.getValue())) {
				String field = requested.getKey();
				JsonNode newValue = requested.getValue();
				submit(() -> webhookActivity(activity, "updated", field, current, newValue), Duration.ZERO);
			}
		}
	}

	/**
	 * Plane's {@code webhook_activity}: the subscribed active webhooks, and the row as it
	 * is now; a row deleted meanwhile drops the event.
	 */
	private void webhookActivity(ModelActivity activity, String verb, String field, JsonNode oldValue,
			JsonNode newValue) {
		WebhookEvent event = WebhookEvent.fromPlaneName(activity.model());
		List<UUID> targets = new ArrayList<>();
		ObjectNode data;
		ObjectNode payloadActivity = Json.MAPPER.createObjectNode();
		synchronized (this.store.lock) {
			for (Webhook webhook : this.store.webhooks.values()) {
				if (webhook.active && webhook.events.contains(event)) {
					targets.add(webhook.id);
				}
			}
			if (targets.isEmpty()) {
				return;
			}
			data = snapshot(event, activity.modelId());
			User actor = this.store.users.get(activity.actorId());
			if (data == null || actor == null) {
				return;
			}
			payloadActivity.put("field", field);
			payloadActivity.set("new_value", (newValue != null) ? newValue : Json.MAPPER.nullNode());
			payloadActivity.set("old_value", (oldValue != null) ? oldValue : Json.MAPPER.nullNode());
			payloadActivity.set("actor", PlaneShapes.userLite(actor));
			payloadActivity.putNull("old_identifier");
			payloadActivity.putNull("new_identifier");
		}
		for (UUID webhookId : targets) {
			Attempt attempt = new Attempt(webhookId, event.planeName(), verb, field, data, payloadActivity, 0,
					this.faults.draw(), false, false);
			submit(() -> send(attempt), Duration.ZERO);
		}
	}

	private ObjectNode snapshot(WebhookEvent event, UUID id) {
		return switch (event) {
			case ISSUE -> {
				Item item = this.store.items.get(id);
				yield (item != null && item.deletedAt == null) ? this.shapes.issueForWebhook(item) : null;
			}
			case ISSUE_COMMENT -> {
				Comment comment = this.store.comments.get(id);
				yield (comment != null && comment.deletedAt == null)
						? this.shapes.comment(comment, ZoneOffset.UTC, false) : null;
			}
			case PROJECT -> {
				Project project = this.store.projects.get(id);
				yield (project != null) ? this.shapes.project(project, null) : null;
			}
			default -> null;
		};
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
			submit(() -> send(attempt.delayedOnce()), this.faults.delay());
			return;
		}
		if (faults.contains(WebhookFault.REORDER) && !attempt.reordered() && this.held == null) {
			this.held = attempt;
			submit(this::releaseHeld, REORDER_HOLD);
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
		submit(() -> send(attempt.retried()), delay);
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
	 * Python's {@code !=} on decoded JSON, which {@code model_activity} uses: numbers by
	 * value, lists in order, dicts by keys.
	 */
	static boolean pythonEquals(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b || (a == null && b.isNull()) || (b == null && a.isNull());
		}
		if (a.isNumber() && b.isNumber()) {
			return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) == 0;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			Iterator<JsonNode> left = a.values().iterator();
			Iterator<JsonNode> right = b.values().iterator();
			while (left.hasNext()) {
				if (!pythonEquals(left.next(), right.next())) {
					return false;
				}
			}
			return true;
		}
		if (a.isObject() && b.isObject()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> entry : a.properties()) {
				if (!b.has(entry.getKey()) || !pythonEquals(entry.getValue(), b.get(entry.getKey()))) {
					return false;
				}
			}
			return true;
		}
		return a.equals(b);
	}

	@Override
	public void close() {
		this.worker.shutdownNow();
		synchronized (this.monitor) {
			this.pending = 0;
			this.backlog.clear();
			this.monitor.notifyAll();
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
