package com.launcher.agentgateway.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: owners read their agents' events, admins read all; keyset
 * pagination; export as JSON Lines or CSV; chain verification for admins.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController extends ApiErrors {

	private final AuditLog audit;

	private final CurrentActor actor;

	AuditApiController(AuditLog audit, CurrentActor actor, FailureNames failures) {
		super(failures);
		this.audit = audit;
		this.actor = actor;
	}

	@GetMapping
	ResponseEntity<?> query(@RequestParam(required = false) UUID agentId,
			@RequestParam(required = false) UUID ownerUserId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "json") String format) {
		Actor me = this.actor.require();
		UUID owner = me.platformAdmin() ? ownerUserId : me.userId();
		if (!me.platformAdmin() && ownerUserId != null && !ownerUserId.equals(me.userId())) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		AuditPage page = this.audit.query(new AuditQuery(agentId, owner, action, outcome(outcome),
				instant("from", from), instant("to", to), cursor, limit));
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "json" -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("events", page.events().stream().map(AuditExport::view).toList(), "nextCursor",
						page.nextCursor().orElse("")));
			case "jsonl" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/jsonl"))
				.header("X-Next-Cursor", page.nextCursor().orElse(""))
				.body(jsonLines(page.events()));
			case "csv" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/csv"))
				.header("X-Next-Cursor", page.nextCursor().orElse(""))
				.body(csv(page.events()));
			default -> throw GatewayException.invalid("format", "must be json, jsonl or csv");
		};
	}

	@GetMapping("/verify")
	AuditLog.ChainVerification verify() {
		if (!this.actor.require().platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		return this.audit.verify();
	}

	private static String jsonLines(List<StoredAuditEvent> events) {
		StringBuilder out = new StringBuilder();
		events.forEach((event) -> out.append(AuditExport.jsonLine(event)));
		return out.toString();
	}

	private static String csv(List<StoredAuditEvent> events) {
		StringBuilder out = new StringBuilder(AuditExport.CSV_HEADER);
		events.forEach((event) -> out.append(AuditExport.csvRow(event)));
		return out.toString();
	}

	private static AuditEvent.Outcome outcome(String outcome) {
		if (outcome == null) {
			return null;
		}
		try {
			return AuditEvent.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid("outcome", "must be ALLOWED, DENIED, SUCCEEDED or FAILED");
		}
	}

	private static Instant instant(String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw GatewayException.invalid(field, "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
		}
	}

}
