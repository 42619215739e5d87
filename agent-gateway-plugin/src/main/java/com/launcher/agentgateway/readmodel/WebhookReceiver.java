package com.launcher.agentgateway.readmodel;

/**
 * Takes Tasker's webhook deliveries into the copy (plane-api.md §7): verified, refused
 * when bad, applied in order per card, idempotent.
 */
public interface WebhookReceiver {

	/**
	 * Checks and applies one delivery.
	 * @param delivery what arrived
	 * @return what became of it
	 */
	WebhookVerdict receive(WebhookDelivery delivery);

}
