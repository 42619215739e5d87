package com.launcher.agentgateway.budget;

/**
 * What a call to Tasker is for, in the order the budget serves waiting calls: a write
 * first, then a person at a page, then an agent's read, and the background sync last.
 */
public enum CallClass {

	/** A write tool (and the reads it makes on the way): never behind a read. */
	WRITE,

	/** A person's page or REST call that reaches Tasker (the grantable projects). */
	HUMAN,

	/** An agent's read that must reach Tasker (a fresh read, a copy not filled yet). */
	INTERACTIVE,

	/** The read model's background sync: spends only what the others leave. */
	SYNC;

	/** Lower goes first. */
	public int priority() {
		return ordinal();
	}

}
