package com.launcher.tasker.sandbox;

/**
 * Faults the sandbox can inject into webhook deliveries, so tests can prove a receiver
 * copes with what a network and Plane's at-least-once workers do to deliveries.
 */
public enum WebhookFault {

	/** Never sent; the journal records it as {@link WebhookDelivery.Outcome#DROPPED}. */
	DROP,

	/**
	 * Sent twice: the same body and signature under a new {@code X-Plane-Delivery}, as
	 * when Plane's worker runs a send task again.
	 */
	DUPLICATE,

	/**
	 * Held back and sent after the next delivery, or after a short hold when none comes.
	 */
	REORDER,

	/** Sent after the configured delay, so later deliveries overtake it. */
	DELAY,

	/** Sent with an {@code X-Plane-Signature} made with another key. */
	BAD_SIGNATURE

}
