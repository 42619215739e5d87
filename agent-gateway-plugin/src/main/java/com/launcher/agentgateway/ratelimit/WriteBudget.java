package com.launcher.agentgateway.ratelimit;

import java.time.LocalDate;
import java.util.UUID;

/** An agent's daily write budget (UTC days), shared by every node. */
public interface WriteBudget {

	/** Takes one write from today's budget; false when it is used up. */
	boolean tryConsume(UUID agentId, LocalDate day, int limit);

	/** Gives one back (the write was refused before reaching Tasker). */
	void refund(UUID agentId, LocalDate day);

	int used(UUID agentId, LocalDate day);

}
