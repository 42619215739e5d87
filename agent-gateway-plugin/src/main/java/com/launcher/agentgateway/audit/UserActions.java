package com.launcher.agentgateway.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.RequestContext;

/**
 * The audit events of what people do through the pages and the REST API (A1: one event a
 * decision, allowed or denied). The one place that stamps such an event with its time,
 * the person and the request, for the agent, grant, token and policy services alike, as
 * {@link AgentRequest} does for agents.
 */
public final class UserActions {

	private final AuditLog log;

	private final RequestContext request;

	private final Clock clock;

	/**
	 * @param log where the events go
	 * @param request the request being served, for correlation
	 * @param clock the clock that times the events
	 */
	public UserActions(AuditLog log, RequestContext request, Clock clock) {
		this.log = Objects.requireNonNull(log, "log");
		this.request = Objects.requireNonNull(request, "request");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * A person's action in this request, to be completed with its agent, target, reason
	 * and details, then {@link #record recorded}.
	 * @param action what was attempted
	 * @param outcome what came of it
	 * @param actor the person
	 * @return the builder
	 */
	public AuditEvent.Builder event(String action, Outcome outcome, Actor actor) {
		return event(action, outcome, actor.userId());
	}

	/**
	 * A person's action in this request, where only their id is known (the OAuth
	 * authorization endpoint signs people in, it has no {@link Actor}).
	 * @param action what was attempted
	 * @param outcome what came of it
	 * @param userId the person's user id
	 * @return the builder
	 */
	public AuditEvent.Builder event(String action, Outcome outcome, UUID userId) {
		return AuditEvent.builder(action, outcome)
			.at(this.clock.instant())
			.actor(ActorType.USER, userId.toString())
			.request(this.request.requestId(), this.request.clientAddress());
	}

	/**
	 * Appends the event.
	 * @param event the completed event
	 */
	public void record(AuditEvent.Builder event) {
		this.log.append(event.build());
	}

}
