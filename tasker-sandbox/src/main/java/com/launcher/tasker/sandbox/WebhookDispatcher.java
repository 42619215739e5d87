package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;
import com.launcher.tasker.sandbox.SandboxModel.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's webhook pipeline (plane-api.md §7, {@code bgtasks/webhook_task.py}) on one
 * worker thread, after the API has answered, as Celery runs it: {@code model_activity}
 * makes one event for a creation or one per changed requested field;
 * {@code webhook_activity} reads the row's latest state <em>when it runs</em> and queues
 * one send per active subscribed webhook; {@code webhook_send_task} signs and posts
 * ({@link WebhookSender}, with its retries). This class holds the queue: every task on
 * the worker, the send task's included, counts as pending until it has run, which is what
 * {@link #awaitIdle(Duration)} waits for.
 */
final class WebhookDispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final SandboxStore store;

	private final PlaneShapes shapes;

	private final WorkItemShapes workItemShapes;

	private final WebhookUrlPolicy policy;

	private final WebhookFaults faults;

	private final ScheduledThreadPoolExecutor worker;

	private final Object monitor = new Object();

	private final WebhookJournal journal = new WebhookJournal();

	private final WebhookSender sender;

	private final List<ModelActivity> backlog = new ArrayList<>();

	private int pending;

	private boolean paused;

	WebhookDispatcher(SandboxStore store, PlaneShapes shapes, WorkItemShapes workItemShapes, WebhookOptions options) {
		this.store = store;
		this.shapes = shapes;
		this.workItemShapes = workItemShapes;
		this.policy = new WebhookUrlPolicy(options);
		this.faults = new WebhookFaults(options.seed());
		this.worker = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "tasker-sandbox-webhooks");
			thread.setDaemon(true);
			return thread;
		});
		this.sender = new WebhookSender(store, this.policy, this.faults, this.journal, options, this::submit);
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

	// ---- Plane's first two tasks; the third, webhook_send_task, is WebhookSender

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
			if (activity.currentInstance().has(requested.getKey())
					&& !PythonJson.equal(current, requested.getValue())) {
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
			this.sender.queue(webhookId, event.planeName(), verb, field, data, payloadActivity);
		}
	}

	private ObjectNode snapshot(WebhookEvent event, UUID id) {
		return switch (event) {
			case ISSUE -> {
				Item item = this.store.items.get(id);
				yield (item != null && item.deletedAt == null) ? this.workItemShapes.issueForWebhook(item) : null;
			}
			case ISSUE_COMMENT -> {
				Comment comment = this.store.comments.get(id);
				yield (comment != null && comment.deletedAt == null)
						? this.workItemShapes.comment(comment, ZoneOffset.UTC, false) : null;
			}
			case PROJECT -> {
				Project project = this.store.projects.get(id);
				yield (project != null) ? this.shapes.project(project, null) : null;
			}
			default -> null;
		};
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

}
