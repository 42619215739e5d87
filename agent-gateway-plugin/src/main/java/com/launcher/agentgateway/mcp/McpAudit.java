package com.launcher.agentgateway.mcp;

import java.time.Clock;
import java.util.Objects;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.FailureNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one audit event of an MCP request that the call pipeline does not serve (protocol
 * messages, edge refusals): A1, every request leaves one event naming agent and owner.
 */
final class McpAudit {

	private static final Logger logger = LoggerFactory.getLogger(McpAudit.class);

	private final AuditLog audit;

	private final Clock clock;

	private final FailureNames failures;

	McpAudit(AuditLog audit, Clock clock, FailureNames failures) {
		this.audit = audit;
		this.clock = clock;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	/**
	 * Appends the request's event.
	 * @return false when it could not be stored: the caller must not answer as if served
	 */
	boolean record(McpCall call, String action, Outcome outcome, String reason) {
		try {
			this.audit.append(call.principal()
				.auditRequest()
				.event(action, outcome, this.clock.instant())
				.reason(reason)
				.detail("protocol_version", call.protocolVersion())
				.build());
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Audit append failed for {}: {}", action, this.failures.of(ex));
			return false;
		}
	}

}
