package com.launcher.agentgateway.readmodel;

import java.util.Objects;

/**
 * One webhook request as it arrived, before any check.
 *
 * @param body the raw bytes, exactly as signed
 * @param signature {@code X-Plane-Signature}, or null
 * @param deliveryId {@code X-Plane-Delivery}, or null
 * @param event {@code X-Plane-Event}, or null
 */
public record WebhookDelivery(byte[] body, String signature, String deliveryId, String event) {

	public WebhookDelivery {
		Objects.requireNonNull(body, "body");
	}

}
