package com.launcher.host.api.web;

import java.util.Objects;
import java.util.Set;

/** The outcome of introspecting a bearer token. */
public sealed interface IntrospectionResult
		permits IntrospectionResult.Active, IntrospectionResult.Rejected, IntrospectionResult.Unavailable {

	/**
	 * The token is active.
	 *
	 * @param principal the plugin's own principal object, handed back through
	 * {@link RequestIdentity#bearerPrincipal(Class)}
	 * @param name a non-secret name for logs (for example the agent id)
	 * @param authorities authorities to grant, without a role prefix
	 */
	record Active(Object principal, String name, Set<String> authorities) implements IntrospectionResult {

		public Active {
			Objects.requireNonNull(principal, "principal");
			Objects.requireNonNull(name, "name");
			authorities = (authorities != null) ? Set.copyOf(authorities) : Set.of();
		}

	}

	/**
	 * The token is refused.
	 *
	 * @param reason a stable machine code for the host's log (never shown with the token)
	 * @param sourceThrottled whether the refusal came from throttling the source address,
	 * so that the host can answer 429 rather than 401
	 * @param retryAfterSeconds for throttling, when to come back
	 */
	record Rejected(String reason, boolean sourceThrottled, long retryAfterSeconds) implements IntrospectionResult {

		public Rejected {
			Objects.requireNonNull(reason, "reason");
		}

		public static Rejected invalid(String reason) {
			return new Rejected(reason, false, 0);
		}

		public static Rejected throttled(long retryAfterSeconds) {
			return new Rejected("source_throttled", true, retryAfterSeconds);
		}

	}

	/**
	 * The introspector cannot decide right now (its database or a service it asks did not
	 * answer in time). The host refuses the request with 503 and {@code Retry-After},
	 * never with a 401 that would tell the client its token is bad.
	 *
	 * @param reason a stable machine code for the host's log
	 * @param retryAfterSeconds when to come back, at least one second
	 */
	record Unavailable(String reason, long retryAfterSeconds) implements IntrospectionResult {

		public Unavailable {
			Objects.requireNonNull(reason, "reason");
			if (retryAfterSeconds < 1) {
				throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
			}
		}

	}

}
