package com.launcher.host.tasker;

import java.util.EnumSet;
import java.util.Objects;

import com.launcher.host.secret.ConfiguredSecrets;
import com.launcher.tasker.sandbox.TaskerSandbox;
import com.launcher.tasker.sandbox.WebhookEvent;
import com.launcher.tasker.sandbox.WebhookRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the demo with webhooks out of the box: once the host's web server has its port,
 * the in-process Tasker sandbox gets a webhook for projects, cards and comments aimed at
 * the gateway's receiver, signed with the host's {@code tasker-webhook-secret}, as a
 * Tasker administrator would set it up in Plane's workspace settings.
 */
final class DemoTaskerWebhook {

	static final String PLUGIN_ID = "agent-gateway";

	static final String RECEIVER_PATH = "/plugins/" + PLUGIN_ID + "/tasker/webhook";

	private static final Logger logger = LoggerFactory.getLogger(DemoTaskerWebhook.class);

	private final TaskerSandbox sandbox;

	private final ConfiguredSecrets secrets;

	DemoTaskerWebhook(TaskerSandbox sandbox, ConfiguredSecrets secrets) {
		this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
		this.secrets = Objects.requireNonNull(secrets, "secrets");
	}

	/**
	 * Registers the receiver of a host served at this address.
	 * @param hostBaseUrl for example {@code http://127.0.0.1:8080}
	 * @return the sandbox's webhook
	 */
	WebhookRegistration register(String hostBaseUrl) {
		WebhookRegistration webhook = this.sandbox.webhooks()
			.register(hostBaseUrl + RECEIVER_PATH, this.secrets.taskerWebhookSecret(PLUGIN_ID),
					EnumSet.of(WebhookEvent.PROJECT, WebhookEvent.ISSUE, WebhookEvent.ISSUE_COMMENT));
		logger.info("Demo Tasker sandbox sends webhooks to {}", webhook.url());
		return webhook;
	}

}
