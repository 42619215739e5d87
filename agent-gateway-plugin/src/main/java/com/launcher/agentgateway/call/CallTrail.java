package com.launcher.agentgateway.call;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.token.AgentPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one call's audit event will say, gathered as the call goes, and the write budget
 * the call holds until it is settled. Lives for one call only.
 */
final class CallTrail {

	private static final Logger logger = LoggerFactory.getLogger(CallTrail.class);

	/** The longest card title an audit event keeps; the pages show it in one line. */
	static final int AUDITED_TITLE_LENGTH = 200;

	private final AgentPrincipal agent;

	private final String tool;

	private final String protocolVersion;

	private final LocalDate day;

	private final WriteBudget budget;

	private final FailureNames failures;

	private boolean budgetTaken;

	private String targetType;

	private String targetId;

	private ToolResult.WrittenCard card;

	private boolean replayed;

	CallTrail(AgentPrincipal agent, String tool, String protocolVersion, LocalDate day, WriteBudget budget,
			FailureNames failures) {
		this.agent = agent;
		this.tool = tool;
		this.protocolVersion = protocolVersion;
		this.day = day;
		this.budget = budget;
		this.failures = failures;
	}

	String tool() {
		return this.tool;
	}

	/** The UTC day whose write budget the call spends. */
	LocalDate day() {
		return this.day;
	}

	void budgetTaken() {
		this.budgetTaken = true;
	}

	void target(String type, String id) {
		this.targetType = type;
		this.targetId = id;
	}

	void written(ToolResult.WrittenCard card, boolean replayed) {
		this.card = card;
		this.replayed = replayed;
		if (card != null) {
			target("work_item", card.id().toString());
		}
	}

	boolean replayed() {
		return this.replayed;
	}

	/** A definite failure did not write; only an unknown outcome may have. */
	void refundUnlessInDoubt(GatewayException ex) {
		if (ex.errorCode() != ErrorCode.OUTCOME_UNKNOWN) {
			refund();
		}
	}

	/** Gives the budget back (a replay wrote nothing), once. */
	void refund() {
		if (!this.budgetTaken) {
			return;
		}
		this.budgetTaken = false;
		try {
			this.budget.refund(this.agent.agentId(), this.day);
		}
		catch (RuntimeException ex) {
			// A refund that cannot be written costs the agent one write of its day; it
			// must not cost the call its answer or its audit event.
			logger.warn("Write budget refund failed: {}", this.failures.of(ex));
		}
	}

	AuditEvent event(Outcome outcome, GatewayException failure, Instant at) {
		AuditEvent.Builder event = this.agent.auditRequest()
			.event("tool." + this.tool, outcome, at)
			.target(this.targetType, this.targetId)
			.reason((failure != null) ? failure.errorCode().code() : null)
			.detail("replayed", this.replayed ? "true" : null)
			.detail("protocol_version", this.protocolVersion);
		if (this.card != null) {
			// The pages say "agent X changed WEB-12 <title>"; the title is people's text.
			event.detail("identifier", this.card.readableId())
				.detail("title", PlainText.cut(PlainText.sanitize(this.card.title()), AUDITED_TITLE_LENGTH));
		}
		return event.build();
	}

}
