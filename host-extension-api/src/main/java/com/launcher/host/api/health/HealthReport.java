package com.launcher.host.api.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one health check found: a state and a few details for an operator. Details are
 * shown to platform admins only, but still never carry a secret, a token or user text.
 *
 * @param state the state
 * @param details short named facts (a state name, a count, a time), in order
 */
public record HealthReport(State state, Map<String, String> details) {

	public HealthReport {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(details, "details");
		Map<String, String> copy = new LinkedHashMap<>();
		details.forEach((name, value) -> {
			if (name == null || name.isBlank() || value == null) {
				throw new IllegalArgumentException("health details need a name and a value");
			}
			copy.put(name, value);
		});
		details = Collections.unmodifiableMap(copy);
	}

	public static HealthReport up() {
		return new HealthReport(State.UP, Map.of());
	}

	/** The same state with one more detail. */
	public HealthReport with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.details);
		more.put(name, value);
		return new HealthReport(this.state, more);
	}

	/** The same details with another state. */
	public HealthReport withState(State state) {
		return new HealthReport(state, this.details);
	}

	/** How a checked part of a plugin is. */
	public enum State {

		/** Working. */
		UP,

		/**
		 * Working in part: some calls fail or wait (a remote service is unreachable, a
		 * budget is spent), while the rest serves. A host should not take the node out of
		 * service for it.
		 */
		DEGRADED,

		/** Not working: the plugin cannot serve. */
		DOWN

	}

}
