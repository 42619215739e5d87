package com.launcher.agentgateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One audit event. Never holds a token: only its id and non-secret hint.
 *
 * @param id unique id
 * @param occurredAt when (microsecond precision, as stored)
 * @param agentId the agent concerned, when there is one
 * @param ownerUserId the agent's owner, when known
 * @param actorType who acted
 * @param actorId the acting agent or user id, or a system component name
 * @param action what was attempted, e.g. {@code token.use}, {@code tool.create_work_item}
 * @param targetType the kind of thing acted on
 * @param targetId its id
 * @param outcome the decision or result
 * @param reason a stable code saying why (for denials and failures)
 * @param requestId the host's request id
 * @param sourceAddress the client address
 * @param tokenId the token used or acted on
 * @param tokenHint the token's non-secret hint
 * @param details small, non-secret facts (sorted for hashing)
 */
public record AuditEvent(UUID id, Instant occurredAt, UUID agentId, UUID ownerUserId, ActorType actorType,
		String actorId, String action, String targetType, String targetId, Outcome outcome, String reason,
		String requestId, String sourceAddress, UUID tokenId, String tokenHint, Map<String, String> details) {

	public AuditEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(actorType, "actorType");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		details = (details != null) ? Map.copyOf(new TreeMap<>(details)) : Map.of();
	}

	public static Builder builder(String action, Outcome outcome) {
		return new Builder(action, outcome);
	}

	/**
	 * The event's fields by name, in the order of its components, nulls kept: the one
	 * mapping the exports and the stream file share, so that a SIEM reads the same names
	 * from either.
	 * @return a new map the caller may add to
	 */
	public Map<String, Object> fields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", this.id);
		fields.put("occurredAt", this.occurredAt.toString());
		fields.put("agentId", this.agentId);
		fields.put("ownerUserId", this.ownerUserId);
		fields.put("actorType", this.actorType.name());
		fields.put("actorId", this.actorId);
		fields.put("action", this.action);
		fields.put("targetType", this.targetType);
		fields.put("targetId", this.targetId);
		fields.put("outcome", this.outcome.name());
		fields.put("reason", this.reason);
		fields.put("requestId", this.requestId);
		fields.put("sourceAddress", this.sourceAddress);
		fields.put("tokenId", this.tokenId);
		fields.put("tokenHint", this.tokenHint);
		fields.put("details", this.details);
		return fields;
	}

	/** Who acted. */
	public enum ActorType {

		AGENT, USER, SYSTEM

	}

	/** What came of it. */
	public enum Outcome {

		ALLOWED, DENIED, SUCCEEDED, FAILED

	}

	/** Builds events; unset fields stay null. */
	public static final class Builder {

		private final String action;

		private final Outcome outcome;

		private UUID id = UUID.randomUUID();

		private Instant occurredAt = Instant.now();

		private UUID agentId;

		private UUID ownerUserId;

		private ActorType actorType = ActorType.SYSTEM;

		private String actorId;

		private String targetType;

		private String targetId;

		private String reason;

		private String requestId;

		private String sourceAddress;

		private UUID tokenId;

		private String tokenHint;

		private final Map<String, String> details = new TreeMap<>();

		private Builder(String action, Outcome outcome) {
			this.action = action;
			this.outcome = outcome;
		}

		public Builder at(Instant occurredAt) {
			this.occurredAt = occurredAt;
			return this;
		}

		public Builder agent(UUID agentId, UUID ownerUserId) {
			this.agentId = agentId;
			this.ownerUserId = ownerUserId;
			return this;
		}

		public Builder actor(ActorType type, String actorId) {
			this.actorType = type;
			this.actorId = actorId;
			return this;
		}

		public Builder target(String type, String id) {
			this.targetType = type;
			this.targetId = id;
			return this;
		}

		public Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		public Builder request(String requestId, String sourceAddress) {
			this.requestId = requestId;
			this.sourceAddress = sourceAddress;
			return this;
		}

		public Builder token(UUID tokenId, String tokenHint) {
			this.tokenId = tokenId;
			this.tokenHint = tokenHint;
			return this;
		}

		public Builder detail(String key, Object value) {
			if (value != null) {
				this.details.put(key, String.valueOf(value));
			}
			return this;
		}

		public AuditEvent build() {
			return new AuditEvent(this.id, this.occurredAt, this.agentId, this.ownerUserId, this.actorType,
					this.actorId, this.action, this.targetType, this.targetId, this.outcome, this.reason,
					this.requestId, this.sourceAddress, this.tokenId, this.tokenHint, this.details);
		}

	}

}
