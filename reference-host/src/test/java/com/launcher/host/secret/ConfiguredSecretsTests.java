package com.launcher.host.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;
import com.launcher.host.config.HostProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfiguredSecretsTests {

	private static final String KEY = "a-configured-secret-of-enough-length";

	private final ConfiguredSecrets secrets = new ConfiguredSecrets(new HostProperties(false, null, null,
			Map.of("agent-gateway", Map.of("token-pepper", KEY)), null, null, null, null));

	@Test
	void hmacWhenUsedRepeatedlyThenEachAnswerIsTheHmacOfThatMessageAlone() throws Exception {
		Secrets plugin = this.secrets.forPlugin("agent-gateway");

		byte[] first = plugin.hmacSha256("token-pepper", bytes("first"));
		byte[] second = plugin.hmacSha256("token-pepper", bytes("second"));

		assertThat(first).isEqualTo(reference(bytes("first")));
		assertThat(second).isEqualTo(reference(bytes("second")));
		assertThat(plugin.hmacSha256("token-pepper", bytes("first"))).isEqualTo(first);
	}

	@Test
	void hmacWhenUsedFromManyThreadsThenNoAnswerMixesWithAnother() throws Exception {
		Secrets plugin = this.secrets.forPlugin("agent-gateway");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> checks = new ArrayList<>();
			for (int i = 0; i < 2_000; i++) {
				byte[] message = bytes("message-" + i);
				checks.add(pool.submit(
						() -> java.util.Arrays.equals(plugin.hmacSha256("token-pepper", message), reference(message))));
			}
			for (Future<Boolean> check : checks) {
				assertThat(check.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void hmacWhenTheSecretIsNotConfiguredOutsideDemoThenRefused() {
		Secrets plugin = this.secrets.forPlugin("agent-gateway");

		assertThatExceptionOfType(UnknownSecretException.class)
			.isThrownBy(() -> plugin.hmacSha256("missing", bytes("x")));
	}

	@Test
	void taskerWebhookSecretWhenDemoThenPlaneFormKeptAcrossRestartsAndUsedAsText(@TempDir Path data) throws Exception {
		ConfiguredSecrets demo = new ConfiguredSecrets(
				new HostProperties(true, data, null, Map.of(), null, null, null, null));
		String secret = demo.taskerWebhookSecret("agent-gateway");
		assertThat(secret).matches("plane_wh_[0-9a-f]{32}");
		ConfiguredSecrets restarted = new ConfiguredSecrets(
				new HostProperties(true, data, null, Map.of(), null, null, null, null));
		assertThat(restarted.taskerWebhookSecret("agent-gateway")).isEqualTo(secret);
		// Plane keys its signature with the secret's text, and so does the host.
		assertThat(restarted.forPlugin("agent-gateway").hmacSha256("tasker-webhook-secret", bytes("body")))
			.isEqualTo(hmac(secret, bytes("body")));
	}

	@Test
	void taskerWebhookSecretWhenConfiguredThenThatTextAndOutsideDemoWithoutOneRefused() throws Exception {
		ConfiguredSecrets configured = new ConfiguredSecrets(new HostProperties(false, null, null,
				Map.of("agent-gateway", Map.of("tasker-webhook-secret", "plane_wh_configured")), null, null, null,
				null));
		assertThat(configured.taskerWebhookSecret("agent-gateway")).isEqualTo("plane_wh_configured");
		assertThat(configured.forPlugin("agent-gateway").hmacSha256("tasker-webhook-secret", bytes("b")))
			.isEqualTo(hmac("plane_wh_configured", bytes("b")));
		assertThatExceptionOfType(UnknownSecretException.class)
			.isThrownBy(() -> this.secrets.taskerWebhookSecret("agent-gateway"));
	}

	private static byte[] hmac(String key, byte[] message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(message);
	}

	private static byte[] reference(byte[] message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(message);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
