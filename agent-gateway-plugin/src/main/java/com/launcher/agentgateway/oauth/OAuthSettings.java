package com.launcher.agentgateway.oauth;

import java.time.Duration;
import java.util.Objects;

/**
 * The authorization server's settings (the access-token lifetime is a policy field).
 *
 * @param codeLifetime how long an authorization code may be exchanged (at most 10
 * minutes, RFC 6749 §4.1.2)
 * @param unusedClientLifetime how long a registration that never received a token is kept
 * @param registrationsPerSourcePerDay how many clients one source (address, IPv6 /64) may
 * register per day
 * @param metadataDocuments whether client metadata documents are fetched (off where the
 * gateway may not reach the internet; clients then register by RFC 7591)
 * @param metadataCacheFor how long a fetched document is used before it is fetched again
 */
public record OAuthSettings(Duration codeLifetime, Duration unusedClientLifetime, int registrationsPerSourcePerDay,
		boolean metadataDocuments, Duration metadataCacheFor) {

	public OAuthSettings {
		Objects.requireNonNull(codeLifetime, "codeLifetime");
		Objects.requireNonNull(unusedClientLifetime, "unusedClientLifetime");
		Objects.requireNonNull(metadataCacheFor, "metadataCacheFor");
		if (codeLifetime.compareTo(Duration.ofSeconds(10)) < 0 || codeLifetime.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("agent-gateway.oauth.code-lifetime must be between 10 s and 10 min");
		}
		if (unusedClientLifetime.compareTo(Duration.ofMinutes(10)) < 0
				|| unusedClientLifetime.compareTo(Duration.ofDays(30)) > 0) {
			throw new IllegalArgumentException(
					"agent-gateway.oauth.unused-client-lifetime must be between 10 min and 30 days");
		}
		if (registrationsPerSourcePerDay < 1 || registrationsPerSourcePerDay > 10_000) {
			throw new IllegalArgumentException(
					"agent-gateway.oauth.registrations-per-source-per-day must be between 1 and 10000");
		}
		if (metadataCacheFor.isNegative() || metadataCacheFor.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"agent-gateway.oauth.metadata-documents.cache-for must be between 0 and 1 day");
		}
	}

	public static OAuthSettings defaults() {
		return new OAuthSettings(Duration.ofMinutes(1), Duration.ofDays(1), 20, true, Duration.ofHours(1));
	}

}
