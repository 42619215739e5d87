package com.launcher.agentgateway.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
import com.launcher.agentgateway.core.GatewayException;
import tools.jackson.databind.json.JsonMapper;

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

	private static final String CSV_HEADER = "seq,id,occurredAt,agentId,ownerUserId,actorType,actorId,action,"
			+ "targetType,targetId,outcome,reason,requestId,sourceAddress,tokenId,tokenHint\n";

	private final AuditLog audit;

	private final CurrentActor actor;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditApiController(AuditLog audit, CurrentActor actor) {
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
				.body(Map.of("events", page.events().stream().map(AuditApiController::view).toList(), "nextCursor",
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

	private String jsonLines(List<StoredAuditEvent> events) {
		StringBuilder out = new StringBuilder();
		for (StoredAuditEvent event : events) {
			out.append(this.json.writeValueAsString(view(event))).append('\n');
		}
		return out.toString();
	}

	private static String csv(List<StoredAuditEvent> events) {
		StringBuilder out = new StringBuilder(CSV_HEADER);
		for (StoredAuditEvent stored : events) {
			AuditEvent e = stored.event();
			Object[] cells = { stored.seq(), e.id(), e.occurredAt(), e.agentId(), e.ownerUserId(), e.actorType(),
					e.actorId(), e.action(), e.targetType(), e.targetId(), e.outcome(), e.reason(), e.requestId(),
					e.sourceAddress(), e.tokenId(), e.tokenHint() };
			for (int i = 0; i < cells.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append(csvCell(cells[i]));
			}
			out.append('\n');
		}
		return out.toString();
	}

	// Quote every cell and defuse spreadsheet formulas (CSV injection).
	private static String csvCell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static Map<String, Object> view(StoredAuditEvent stored) {
		AuditEvent e = stored.event();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("seq", stored.seq());
		view.put("id", e.id());
		view.put("occurredAt", e.occurredAt().toString());
		view.put("agentId", e.agentId());
		view.put("ownerUserId", e.ownerUserId());
		view.put("actorType", e.actorType().name());
		view.put("actorId", e.actorId());
		view.put("action", e.action());
		view.put("targetType", e.targetType());
		view.put("targetId", e.targetId());
		view.put("outcome", e.outcome().name());
		view.put("reason", e.reason());
		view.put("requestId", e.requestId());
		view.put("sourceAddress", e.sourceAddress());
		view.put("tokenId", e.tokenId());
		view.put("tokenHint", e.tokenHint());
		view.put("details", e.details());
		return view;
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
