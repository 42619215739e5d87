package com.launcher.agentgateway.workitem;

import java.time.OffsetDateTime;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.token.AgentPrincipal;

/**
 * What an agent may do with Tasker cards, and nothing else: no delete, no archive, no
 * field outside the whitelist, no URL fetch (DESIGN §2). Every method takes the grant the
 * caller already checked and confines itself to that grant's project: a card of another
 * project is reported as not found, whatever Tasker returned. Failures are
 * {@link GatewayException}s; only {@link ErrorCode#OUTCOME_UNKNOWN} leaves a write in
 * doubt.
 */
public interface WorkItems {

	/**
	 * Whether the agent's owner is an active member of the granted project (threat model,
	 * "Project scope escape"); an answer nobody can give is {@link Membership#UNKNOWN}.
	 * @param agent the agent, whose owner is asked about
	 * @param grant the grant
	 * @return the answer
	 */
	Membership ownerMembership(AgentPrincipal agent, Grant grant);

	/**
	 * Refuses unless the owner is an active member of the granted project; an unknown
	 * answer is a refusal (fail closed).
	 * @param agent the agent
	 * @param grant the grant
	 */
	default void requireOwnerMembership(AgentPrincipal agent, Grant grant) {
		switch (ownerMembership(agent, grant)) {
			case MEMBER -> {
			}
			case NOT_MEMBER -> throw new GatewayException(ErrorCode.OWNER_NOT_MEMBER);
			case UNKNOWN -> throw new GatewayException(ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
		}
	}

	Page<State> states(Grant grant);

	Page<Label> labels(Grant grant);

	/**
	 * The people with a membership row in the project; not proof of active membership.
	 * @param grant the grant
	 * @return the members, names inert
	 */
	Page<Member> members(Grant grant);

	/**
	 * The project's cards that match the filter, newest first.
	 * @param grant the grant
	 * @param filter what to keep
	 * @param page where to start (a cursor from an earlier page of the same filter) and
	 * how many at most
	 * @return at most {@code page.limit()} cards; a page may hold fewer and still have a
	 * next cursor, when finding more would cost too much in one call
	 */
	Page<WorkItem> list(Grant grant, WorkItemFilter filter, Page.Request page);

	/**
	 * One card of the granted project.
	 * @param grant the grant
	 * @param ref the card's id, or its readable id (which must name the granted project)
	 * @param freshness whether a copy within its freshness bound will do
	 * @return the card
	 */
	Snapshot<WorkItem> get(Grant grant, WorkItemRef ref, Freshness freshness);

	/**
	 * The comments of one card, newest first.
	 * @param grant the grant
	 * @param ref the card
	 * @param page where to start and how many at most
	 * @return the comments
	 */
	Page<Comment> comments(Grant grant, WorkItemRef ref, Page.Request page);

	/**
	 * Creates a card once per (agent, key), attributed to the agent and its owner.
	 * @param grant the grant
	 * @param agent the writing agent
	 * @param draft the card
	 * @param key the idempotency key
	 * @param reconcile whether an earlier attempt under the key may have created it
	 * @return the created (or earlier created) card
	 */
	WorkItem create(Grant grant, AgentPrincipal agent, NewWorkItem draft, IdempotencyKey key, boolean reconcile);

	/**
	 * Applies whitelisted changes to a card of the granted project.
	 * @param grant the grant
	 * @param agent the writing agent
	 * @param ref the card
	 * @param change the change
	 * @param expectedUpdatedAt refuse when the card changed since (compared with Tasker's
	 * answer, never with a copy), or null
	 * @param reconcile whether an earlier attempt may have applied it
	 * @return the card as it is now
	 */
	WorkItem update(Grant grant, AgentPrincipal agent, WorkItemRef ref, WorkItemChange change,
			OffsetDateTime expectedUpdatedAt, boolean reconcile);

	/**
	 * Adds a comment once per (agent, key), attributed to the agent and its owner.
	 * @param grant the grant
	 * @param agent the writing agent
	 * @param ref the card
	 * @param markdown the text
	 * @param key the idempotency key
	 * @return the comment with the card it is on
	 */
	PostedComment addComment(Grant grant, AgentPrincipal agent, WorkItemRef ref, String markdown, IdempotencyKey key);

	/**
	 * How fresh a read must be.
	 */
	enum Freshness {

		/** A copy within its documented freshness bound will do. */
		ANY,

		/** Read through to Tasker now ({@code fresh: true}), spending Tasker's budget. */
		LIVE

	}

}
