package com.launcher.agentgateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's export formats, one place for the REST API and the audit page: CSV
 * (quoted, formula-safe cells) and JSON Lines (one event object per line, with details).
 */
final class AuditExport {

	static final String CSV_HEADER = "seq,id,occurredAt,agentId,ownerUserId,actorType,actorId,action,"
			+ "targetType,targetId,outcome,reason,requestId,sourceAddress,tokenId,tokenHint\n";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditExport() {
	}

	static String csvRow(StoredAuditEvent stored) {
		AuditEvent e = stored.event();
		Object[] cells = { stored.seq(), e.id(), e.occurredAt(), e.agentId(), e.ownerUserId(), e.actorType(),
				e.actorId(), e.action(), e.targetType(), e.targetId(), e.outcome(), e.reason(), e.requestId(),
				e.sourceAddress(), e.tokenId(), e.tokenHint() };
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(csvCell(cells[i]));
		}
		return out.append('\n').toString();
	}

	static String jsonLine(StoredAuditEvent stored) {
		return JSON.writeValueAsString(view(stored)) + "\n";
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

	static Map<String, Object> view(StoredAuditEvent stored) {
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

}
