package com.launcher.host.secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;
import com.launcher.host.config.HostProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Secrets from {@code launcher.secrets.<plugin>.<name>}. In demo mode a missing secret is
 * generated once and kept (owner-readable only) under the data folder, so tokens survive
 * a restart of the demo.
 */
@Component
public class ConfiguredSecrets {

	/**
	 * The secret of Tasker's webhooks: Plane signs each delivery with the HMAC-SHA256 of
	 * its body keyed with the webhook's {@code secret_key} text, so this secret is used
	 * as that text's UTF-8 bytes, and one generated in demo mode is text in Plane's form.
	 */
	public static final String TASKER_WEBHOOK_SECRET = "tasker-webhook-secret";

	private static final Logger logger = LoggerFactory.getLogger(ConfiguredSecrets.class);

	private final HostProperties properties;

	private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

	// One initialised MAC per secret, cloned for each use: looking up the provider and
	// keying a new MAC costs more than the hash itself, on every agent request.
	private final Map<String, Mac> keyedMacs = new ConcurrentHashMap<>();

	public ConfiguredSecrets(HostProperties properties) {
		this.properties = properties;
	}

	/** The secrets of one plugin; it can use them, not read them. */
	public Secrets forPlugin(String pluginId) {
		return (name, message) -> mac(pluginId, name).doFinal(message);
	}

	private Mac mac(String pluginId, String name) {
		Mac keyed = this.keyedMacs.computeIfAbsent(pluginId + "/" + name, (k) -> newMac(key(pluginId, name)));
		try {
			return (Mac) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newMac(key(pluginId, name));
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 unavailable", ex);
		}
	}

	/**
	 * The text of a plugin's Tasker webhook secret, for the host alone: the demo
	 * registers it as the secret of the sandbox's webhook. Plugins only ever get its
	 * HMAC.
	 * @param pluginId the plugin
	 * @return the configured secret, or in demo mode the generated one
	 * @throws UnknownSecretException outside demo mode when none is configured
	 */
	public String taskerWebhookSecret(String pluginId) {
		String configured = this.properties.secrets().getOrDefault(pluginId, Map.of()).get(TASKER_WEBHOOK_SECRET);
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (!this.properties.demo()) {
			throw new UnknownSecretException(TASKER_WEBHOOK_SECRET);
		}
		return demoSecret(pluginId, TASKER_WEBHOOK_SECRET, ConfiguredSecrets::planeWebhookSecret);
	}

	private SecretKeySpec key(String pluginId, String name) {
		return this.keys.computeIfAbsent(pluginId + "/" + name, (k) -> {
			String configured = this.properties.secrets().getOrDefault(pluginId, Map.of()).get(name);
			if (configured != null && !configured.isBlank()) {
				return new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			}
			if (!this.properties.demo()) {
				throw new UnknownSecretException(name);
			}
			if (TASKER_WEBHOOK_SECRET.equals(name)) {
				return new SecretKeySpec(taskerWebhookSecret(pluginId).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			}
			return new SecretKeySpec(
					Base64.getDecoder().decode(demoSecret(pluginId, name, ConfiguredSecrets::randomKey)), "HmacSHA256");
		});
	}

	private static String randomKey() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Base64.getEncoder().encodeToString(random);
	}

	private static String planeWebhookSecret() {
		// Plane's own form: "plane_wh_" and 32 hex digits (generate_token in
		// db/models/webhook.py).
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		return "plane_wh_" + HexFormat.of().formatHex(random);
	}

	private synchronized String demoSecret(String pluginId, String name, Supplier<String> generator) {
		Path file = this.properties.dataDir().resolve("secrets").resolve(pluginId + ".properties");
		try {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
			}
			String value = stored.getProperty(name);
			if (value == null) {
				value = generator.get();
				stored.setProperty(name, value);
				Files.createDirectories(file.getParent());
				try (OutputStream out = Files.newOutputStream(file)) {
					stored.store(out, "Demo-mode secrets generated by the reference host");
				}
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system; nothing more to do.
				}
				logger.info("Generated demo secret '{}' for plugin {}", name, pluginId);
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
