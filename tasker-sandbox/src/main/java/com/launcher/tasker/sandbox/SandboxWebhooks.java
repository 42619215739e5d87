package com.launcher.tasker.sandbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.launcher.tasker.sandbox.SandboxModel.Webhook;

/**
 * The webhooks of the sandbox's workspace and what they send. Plane manages webhooks in
 * its web app (workspace settings), never through {@code /api/v1} with an API key, so the
 * sandbox offers them here and on its control path only (plane-api.md §7). Also the
 * journal of deliveries, waits for the worker, and the faults tests inject.
 */
public final class SandboxWebhooks {

	private final SandboxStore store;

	private final WebhookDispatcher dispatcher;

	SandboxWebhooks(SandboxStore store, WebhookDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	// ---- registrations

	/**
	 * Creates a webhook with a new secret, as Plane's workspace settings do.
	 * @param url where deliveries go; checked as Plane checks it on save
	 * @param events the subscribed events
	 * @return the webhook, with its secret
	 * @throws IllegalArgumentException when Plane would refuse the URL (scheme,
	 * {@code localhost}, a private address not allowed, a URL already used)
	 */
	public WebhookRegistration register(String url, Set<WebhookEvent> events) {
		return register(url, newSecret(), events);
	}

	/**
	 * Creates a webhook whose secret the caller chose. Plane always generates it and an
	 * operator copies it to the receiver; this stands for that copy made the other way
	 * round, so a host can keep one secret across restarts of an in-memory sandbox.
	 * @param url where deliveries go
	 * @param secretKey the signing secret
	 * @param events the subscribed events
	 * @return the webhook
	 */
	public WebhookRegistration register(String url, String secretKey, Set<WebhookEvent> events) {
		try {
			return registerOrRefuse(url, secretKey, events);
		}
		catch (PlaneError ex) {
			throw new IllegalArgumentException(
					"Tasker would refuse this webhook: " + Json.MAPPER.writeValueAsString(ex.body()));
		}
	}

	/** Registers as Plane's settings view does, or throws Plane's refusal. */
	WebhookRegistration registerOrRefuse(String url, String secretKey, Set<WebhookEvent> events) {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(events, "events");
		if (secretKey == null || secretKey.isBlank() || secretKey.length() > 255) {
			throw new IllegalArgumentException("secretKey must be 1 to 255 characters");
		}
		synchronized (this.store.lock) {
			this.dispatcher.policy().checkOnSave(url);
			for (Webhook other : this.store.webhooks.values()) {
				if (other.url.equals(url)) {
					throw new PlaneError(409, Map.of("error", "URL already exists for the workspace"));
				}
			}
			Webhook webhook = new Webhook(url, secretKey);
			webhook.events.addAll(events);
			this.store.webhooks.put(webhook.id, webhook);
			return view(webhook);
		}
	}

	/**
	 * Switches a webhook on or off, as its toggle in Plane's settings does.
	 * @param id the webhook
	 * @param active the new state
	 * @return the webhook
	 */
	public WebhookRegistration setActive(UUID id, boolean active) {
		synchronized (this.store.lock) {
			Webhook webhook = find(id);
			webhook.active = active;
			return view(webhook);
		}
	}

	/**
	 * Replaces a webhook's subscriptions.
	 * @param id the webhook
	 * @param events the events it subscribes to from now on
	 * @return the webhook
	 */
	public WebhookRegistration subscribe(UUID id, Set<WebhookEvent> events) {
		synchronized (this.store.lock) {
			Webhook webhook = find(id);
			webhook.events.clear();
			webhook.events.addAll(events);
			return view(webhook);
		}
	}

	/**
	 * Gives a webhook a new secret, as Plane's "regenerate" does; deliveries already
	 * queued are signed with the new one.
	 * @param id the webhook
	 * @return the webhook with its new secret
	 */
	public WebhookRegistration regenerateSecret(UUID id) {
		synchronized (this.store.lock) {
			Webhook webhook = find(id);
			webhook.secretKey = newSecret();
			return view(webhook);
		}
	}

	public void delete(UUID id) {
		synchronized (this.store.lock) {
			find(id);
			this.store.webhooks.remove(id);
		}
	}

	public List<WebhookRegistration> list() {
		synchronized (this.store.lock) {
			return this.store.webhooks.values().stream().map(SandboxWebhooks::view).toList();
		}
	}

	public WebhookRegistration get(UUID id) {
		synchronized (this.store.lock) {
			return view(find(id));
		}
	}

	/**
	 * Replaces Plane's {@code WEBHOOK_ALLOWED_IPS} and {@code WEBHOOK_ALLOWED_HOSTS}, as
	 * a Tasker administrator restarting Plane with other settings would; registered
	 * webhooks stay, and the next sends are checked against the new lists.
	 * @param ips addresses or CIDR ranges
	 * @param hosts host names
	 */
	public void allow(List<String> ips, List<String> hosts) {
		this.dispatcher.policy().allow(ips, hosts);
	}

	// ---- deliveries

	/**
	 * Every delivery attempt since start or {@link #clearDeliveries()}, in order.
	 * @return the journal
	 */
	public List<WebhookDelivery> deliveries() {
		return this.dispatcher.journal().deliveries();
	}

	public void clearDeliveries() {
		this.dispatcher.journal().clear();
	}

	/**
	 * Waits until the journal holds at least {@code count} attempts.
	 * @param count how many
	 * @param timeout how long to wait at most
	 * @return the journal, possibly shorter when the time ran out
	 */
	public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) {
		try {
			return this.dispatcher.journal().awaitDeliveries(count, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return deliveries();
		}
	}

	/**
	 * Waits until the worker has nothing queued, scheduled or held: every change made so
	 * far has been delivered, refused, dropped or given up.
	 * @param timeout how long to wait at most
	 * @return whether the worker became idle in time
	 */
	public boolean awaitIdle(Duration timeout) {
		try {
			return this.dispatcher.awaitIdle(timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Holds every change from now on, as a busy Celery queue would; {@link #resume()}
	 * lets them through, each reading its row's state only then.
	 */
	public void pause() {
		this.dispatcher.pause();
	}

	public void resume() {
		this.dispatcher.resume();
	}

	// ---- faults

	/**
	 * Injects a fault into the next {@code count} deliveries.
	 * @param fault the fault
	 * @param count how many deliveries
	 */
	public void faultNext(WebhookFault fault, int count) {
		this.dispatcher.faults().next(fault, count);
	}

	/**
	 * Injects a fault into each delivery with this probability (seeded by
	 * {@link WebhookOptions#seed()}).
	 * @param fault the fault
	 * @param rate 0 to 1
	 */
	public void faultRate(WebhookFault fault, double rate) {
		this.dispatcher.faults().rate(fault, rate);
	}

	/** How long {@link WebhookFault#DELAY} holds a delivery (200 ms unless set). */
	public void delayBy(Duration delay) {
		this.dispatcher.faults().delay(delay);
	}

	public void clearFaults() {
		this.dispatcher.faults().clear();
	}

	// ----

	private Webhook find(UUID id) {
		Webhook webhook = this.store.webhooks.get(Objects.requireNonNull(id, "id"));
		if (webhook == null) {
			throw new IllegalArgumentException("no such webhook");
		}
		return webhook;
	}

	static WebhookRegistration view(Webhook webhook) {
		return new WebhookRegistration(webhook.id, webhook.url, webhook.secretKey,
				webhook.events.isEmpty() ? EnumSet.noneOf(WebhookEvent.class) : EnumSet.copyOf(webhook.events),
				webhook.active, webhook.createdAt);
	}

	static String newSecret() {
		// Plane's generate_token: "plane_wh_" + uuid4().hex.
		return "plane_wh_" + UUID.randomUUID().toString().replace("-", "");
	}

}
