package com.launcher.agentgateway.core;

/** Failures that real code seldom meets but must survive. */
public final class TestFailures {

	private TestFailures() {
	}

	/**
	 * Two failures that are each other's cause: {@link Throwable#initCause} refuses only
	 * a failure that names itself, so a walk down the causes must bound itself.
	 * @return the first of the two
	 */
	public static IllegalStateException looping() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);
		return first;
	}

}
