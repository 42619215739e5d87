package com.launcher.host.tasker;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.launcher.host.api.secret.Secrets;
import com.launcher.host.config.HostProperties;
import com.launcher.host.secret.ConfiguredSecrets;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;
import com.launcher.tasker.sandbox.WebhookEvent;
import com.launcher.tasker.sandbox.WebhookOptions;
import com.launcher.tasker.sandbox.WebhookRegistration;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTaskerWebhookTests {

	@Test
	void registerWhenDemoThenSandboxSignsWithTheSecretThePluginVerifiesWith(@TempDir Path data) throws Exception {
		ConfiguredSecrets secrets = new ConfiguredSecrets(
				new HostProperties(true, data, null, Map.of(), null, null, null, null));
		BlockingQueue<Delivery> received = new ArrayBlockingQueue<>(10);
		HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		host.createContext(DemoTaskerWebhook.RECEIVER_PATH, (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				received
					.add(new Delivery(in.readAllBytes(), exchange.getRequestHeaders().getFirst("X-Plane-Signature")));
				exchange.sendResponseHeaders(200, -1);
			}
		});
		host.start();
		try (TaskerSandbox sandbox = TaskerSandbox
			.start(SandboxOptions.demo().withWebhooks(WebhookOptions.plane().allowingLoopback()))) {
			WebhookRegistration webhook = new DemoTaskerWebhook(sandbox, secrets)
				.register("http://127.0.0.1:" + host.getAddress().getPort());

			assertThat(webhook.url()).endsWith("/plugins/agent-gateway/tasker/webhook");
			assertThat(webhook.events()).containsExactlyInAnyOrder(WebhookEvent.PROJECT, WebhookEvent.ISSUE,
					WebhookEvent.ISSUE_COMMENT);
			sandbox.person("alice@launcher.local").moveState(sandbox.workItemId("WEB-1"), "Done");

			Delivery delivery = received.poll(10, TimeUnit.SECONDS);
			assertThat(delivery).isNotNull();
			// What the gateway's receiver does with the host's secret.
			Secrets plugin = secrets.forPlugin("agent-gateway");
			byte[] expected = plugin.hmacSha256(ConfiguredSecrets.TASKER_WEBHOOK_SECRET, delivery.body());
			assertThat(MessageDigest.isEqual(expected, HexFormat.of().parseHex(delivery.signature()))).isTrue();
			assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
		}
		finally {
			host.stop(0);
		}
	}

	private record Delivery(byte[] body, String signature) {
	}

}
