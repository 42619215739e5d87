package com.launcher.agentgateway.policy;

/** Policies for tests. */
public final class TestPolicies {

	private TestPolicies() {
	}

	public static Policy defaults() {
		return Policy.defaults();
	}

	public static Policy maxTokenDays(int maxDays, int defaultDays) {
		return new Policy(maxDays, defaultDays, 20, 10, 120, 200, 15, 24, false);
	}

	/**
	 * A burst of {@code requests} per {@code seconds}, with a sustained rate per minute.
	 */
	public static Policy limits(int requests, int seconds, int perMinute) {
		return new Policy(90, 30, requests, seconds, perMinute, 200, 15, 24, false);
	}

}
