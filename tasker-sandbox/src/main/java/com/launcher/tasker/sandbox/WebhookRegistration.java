package com.launcher.tasker.sandbox;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook of the sandbox's workspace, as Plane's workspace settings show it.
 *
 * @param id the webhook id (the payload's {@code webhook_id})
 * @param url where deliveries go
 * @param secretKey the key of {@code X-Plane-Signature} ({@code plane_wh_…})
 * @param events the subscribed events
 * @param active whether deliveries are sent; Plane clears it after a delivery has failed
 * its last retry
 * @param createdAt when it was created
 */
public record WebhookRegistration(UUID id, String url, String secretKey, Set<WebhookEvent> events, boolean active,
		OffsetDateTime createdAt) {

	public WebhookRegistration {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secretKey, "secretKey");
		events = Set.copyOf(events);
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/** Plane's only webhook version in the Community Edition. */
	public String version() {
		return "v1";
	}

	@Override
	public String toString() {
		return "WebhookRegistration[id=" + this.id + ", url=" + this.url + ", events=" + this.events + ", active="
				+ this.active + "]";
	}

}
