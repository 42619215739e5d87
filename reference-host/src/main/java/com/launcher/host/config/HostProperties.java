package com.launcher.host.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the reference host, under {@code launcher.*}.
 *
 * @param demo demo mode: seeded users with documented passwords, HTTP Basic, the Tasker
 * sandbox started in process
 * @param dataDir folder for the embedded database and generated demo secrets
 * @param plugins where plugins come from
 * @param secrets named secrets per plugin id
 * ({@code launcher.secrets.agent-gateway.token-pepper})
 * @param security host security settings
 * @param tasker how to reach Tasker
 * @param publicUrl the host's external base URL (scheme, host, port and path prefix, as
 * clients reach it through proxies); when absent, each request's own URL counts, with
 * forwarded headers believed from trusted proxies only
 * @param database database settings beyond {@code spring.datasource.*}
 */
@ConfigurationProperties("launcher")
public record HostProperties(@DefaultValue("false") boolean demo, @DefaultValue("./data") Path dataDir,
		@DefaultValue Plugins plugins, Map<String, Map<String, String>> secrets, @DefaultValue Security security,
		@DefaultValue Tasker tasker, URI publicUrl, @DefaultValue Database database) {

	public HostProperties {
		secrets = (secrets != null) ? Map.copyOf(secrets) : Map.of();
		if (publicUrl != null) {
			publicUrl = checkedPublicUrl(publicUrl);
		}
	}

	// Everything absolute the host hands out (metadata, issuers, challenges) is built on
	// this URL, so a malformed one must stop the start, not every client later.
	private static URI checkedPublicUrl(URI url) {
		String scheme = url.getScheme();
		if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
				|| url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
			throw new IllegalArgumentException(
					"launcher.public-url must be an absolute http(s) URL without user info, query or fragment");
		}
		String text = url.toString();
		return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

	/**
	 * Plugin sources.
	 *
	 * @param dir folder of plugin zips (deployment mode)
	 * @param developmentPaths module folders with {@code target/classes} and
	 * {@code target/lib} (development mode); when set, they are loaded instead of zips
	 */
	public record Plugins(@DefaultValue("./plugins") Path dir, List<Path> developmentPaths) {

		public Plugins {
			developmentPaths = (developmentPaths != null) ? List.copyOf(developmentPaths) : List.of();
		}

	}

	/**
	 * Host security.
	 *
	 * @param jwtSecret HMAC secret (≥ 32 bytes) for humans' JWTs; generated in demo mode
	 * @param jwtTtlMinutes lifetime of JWTs issued by {@code POST /launcher/api/token}
	 * @param trustedProxies addresses whose {@code X-Forwarded-For} is believed
	 */
	public record Security(String jwtSecret, @DefaultValue("60") long jwtTtlMinutes, List<String> trustedProxies) {

		public Security {
			trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		}

	}

	/**
	 * Database settings.
	 *
	 * @param allowDemoMode lets demo mode (seeded users with published passwords) run on
	 * a configured PostgreSQL; without it, demo mode runs only on the embedded database
	 * @param embeddedDurable whether the embedded PostgreSQL runs with {@code fsync} and
	 * {@code synchronous_commit} on; only tests turn it off
	 * @param connectionTimeout the longest a request waits for a connection (from the
	 * pool, or a new one from the server)
	 * @param statementTimeout the longest the host's own statements wait for the server's
	 * answer before the connection is given up
	 */
	public record Database(@DefaultValue("false") boolean allowDemoMode, @DefaultValue("true") boolean embeddedDurable,
			@DefaultValue("3s") Duration connectionTimeout, @DefaultValue("4s") Duration statementTimeout) {

		public Database {
			// A hung database must turn into a refusal in seconds (issue 18 point 5):
			// minutes would hold every request thread.
			requireSeconds("launcher.database.connection-timeout", connectionTimeout);
			requireSeconds("launcher.database.statement-timeout", statementTimeout);
		}

		private static void requireSeconds(String name, Duration value) {
			if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofSeconds(60)) > 0) {
				throw new IllegalArgumentException(name + " must be between 1s and 60s");
			}
		}

	}

	/**
	 * Tasker access; the API key is read by the host only.
	 *
	 * @param baseUrl Tasker's base URL (ignored in demo mode, where the sandbox is
	 * started)
	 * @param apiKey the host's Tasker API key
	 * @param sandboxPort the sandbox's port in demo mode (0 = random)
	 * @param rateLimitPerMinute Tasker's per-token budget
	 * @param webUrl the address of Tasker's web app, for links to cards (demo mode: the
	 * sandbox's address when unset)
	 */
	public record Tasker(String baseUrl, String apiKey, @DefaultValue("0") int sandboxPort,
			@DefaultValue("60") int rateLimitPerMinute, String webUrl, @DefaultValue("60s") Duration callTimeLimit) {

		@Override
		public String toString() {
			return "Tasker[baseUrl=" + this.baseUrl + ", apiKey=<hidden>, sandboxPort=" + this.sandboxPort + ", webUrl="
					+ this.webUrl + ", callTimeLimit=" + this.callTimeLimit + "]";
		}

	}

}
