package com.launcher.agentgateway.budget;

import java.util.Objects;
import java.util.UUID;

/**
 * Who spends the budget: the class of the call, and the agent and owner it is made for
 * (either may be {@code null}: the sync has neither, a person has no agent).
 *
 * @param callClass what the call is for
 * @param agentId the agent, or {@code null}
 * @param ownerId the agent's owner or the person at the page, or {@code null}
 */
public record TaskerCaller(CallClass callClass, UUID agentId, UUID ownerId) {

	/** A call nobody named: a person's, since only people's requests open no scope. */
	public static final TaskerCaller UNNAMED = new TaskerCaller(CallClass.HUMAN, null, null);

	public TaskerCaller {
		Objects.requireNonNull(callClass, "callClass");
	}

	public static TaskerCaller write(UUID agentId, UUID ownerId) {
		return new TaskerCaller(CallClass.WRITE, Objects.requireNonNull(agentId, "agentId"), ownerId);
	}

	public static TaskerCaller interactive(UUID agentId, UUID ownerId) {
		return new TaskerCaller(CallClass.INTERACTIVE, Objects.requireNonNull(agentId, "agentId"), ownerId);
	}

	public static TaskerCaller human(UUID userId) {
		return new TaskerCaller(CallClass.HUMAN, null, userId);
	}

	public static TaskerCaller sync() {
		return new TaskerCaller(CallClass.SYNC, null, null);
	}

}
