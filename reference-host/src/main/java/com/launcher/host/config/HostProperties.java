package com.launcher.host.config;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("launcher")
public record HostProperties(@DefaultValue("false") boolean demo, @DefaultValue("./data") Path dataDir,
		@DefaultValue Plugins plugins, Map<String, Map<String, String>> secrets, @DefaultValue Security security,
		@DefaultValue Tasker tasker) {

	public HostProperties {
		secrets = (secrets != null) ? Map.copyOf(secrets) : Map.of();
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
			@DefaultValue("60") int rateLimitPerMinute, String webUrl) {

		@Override
		public String toString() {
			return "Tasker[baseUrl=" + this.baseUrl + ", apiKey=<hidden>, sandboxPort=" + this.sandboxPort + ", webUrl="
					+ this.webUrl + "]";
		}

	}

}
