package com.launcher.agentgateway.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.Checks;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;

/**
 * Creates, reads, disables and enables agents. Owners see and manage only their own
 * agents (others' look like they do not exist); platform admins see all and may disable
 * any, but only owners give an agent power ({@link #getOwn}).
 */
public class AgentService {

	private final AgentStore agents;

	private final UserActions actions;

	private final Clock clock;

	public AgentService(AgentStore agents, UserActions actions, Clock clock) {
		this.agents = agents;
		this.actions = actions;
		this.clock = clock;
	}

	public Agent create(Actor actor, String name, String description) {
		String cleanName = Checks.requiredText(name, "name", Agent.MAX_NAME);
		String cleanDescription = Checks.optionalText(description, "description", 500);
		Instant now = this.clock.instant();
		Agent agent = new Agent(UUID.randomUUID(), actor.userId(), actor.userId(), cleanName, cleanDescription,
				AgentStatus.ENABLED, now, now, null, null);
		this.agents.insert(agent);
		audit(actor, agent, "agent.create", Outcome.SUCCEEDED);
		return agent;
	}

	/** An agent the actor may manage; anything else is reported as not found. */
	public Agent get(Actor actor, UUID agentId) {
		Agent agent = this.agents.findById(agentId).orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND));
		if (!actor.mayManage(agent.ownerUserId())) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		return agent;
	}

	/**
	 * An agent the actor owns, for what gives it power: minting, rotating, granting.
	 * Admins manage every agent but may only take power away from another's (disable,
	 * revoke): a token they minted on it would let them act in Tasker as its owner (issue
	 * 12, point 6; threat model, "Privilege confusion").
	 * @throws GatewayException {@code not_found} when not visible, {@code owner_only}
	 * when visible to an admin who is not the owner
	 */
	public Agent getOwn(Actor actor, UUID agentId) {
		Agent agent = get(actor, agentId);
		if (!actor.userId().equals(agent.ownerUserId())) {
			throw new GatewayException(ErrorCode.OWNER_ONLY);
		}
		return agent;
	}

	public List<Agent> list(Actor actor, boolean all) {
		if (all) {
			if (!actor.platformAdmin()) {
				throw new GatewayException(ErrorCode.FORBIDDEN);
			}
			return this.agents.findAll();
		}
		return this.agents.findByOwner(actor.userId());
	}

	/** A filtered page of every agent: platform admins only. */
	public AgentQuery.Page search(Actor actor, AgentQuery query) {
		requireAdmin(actor);
		return this.agents.search(query);
	}

	/** Everyone who owns an agent: platform admins only. */
	public List<UUID> ownerIds(Actor actor) {
		requireAdmin(actor);
		return this.agents.ownerIds();
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
	}

	public Agent disable(Actor actor, UUID agentId) {
		return setStatus(actor, agentId, AgentStatus.DISABLED, "agent.disable");
	}

	public Agent enable(Actor actor, UUID agentId) {
		return setStatus(actor, agentId, AgentStatus.ENABLED, "agent.enable");
	}

	/**
	 * Keeps an agent's latest progress report (from {@code report_progress}), shown to
	 * its owner and admins. The summary is the agent's text: kept inert, and cut to
	 * {@link Agent.ProgressReport#SUMMARY_LIMIT} characters.
	 * @param agentId the reporting agent
	 * @param status started, working, blocked or done
	 * @param summary what it said
	 * @param workItem the card, as {@code WEB-12} or its id
	 */
	public void recordReport(UUID agentId, String status, String summary, String workItem) {
		this.agents.recordReport(agentId, new Agent.ProgressReport(this.clock.instant(), status,
				Agent.ProgressReport.bounded(PlainText.sanitize(summary)), workItem));
	}

	private Agent setStatus(Actor actor, UUID agentId, AgentStatus status, String action) {
		Agent agent = get(actor, agentId);
		this.agents.updateStatus(agentId, status, this.clock.instant());
		audit(actor, agent, action, Outcome.SUCCEEDED);
		return get(actor, agentId);
	}

	private void audit(Actor actor, Agent agent, String action, Outcome outcome) {
		this.actions.record(this.actions.event(action, outcome, actor)
			.agent(agent.id(), agent.ownerUserId())
			.target("agent", agent.id().toString())
			.detail("name", agent.name()));
	}

}
