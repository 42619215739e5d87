package com.launcher.agentgateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

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
		// The header's columns: the view's fields but the details, which a cell cannot
		// hold as a map.
		Map<String, Object> view = view(stored);
		view.remove("details");
		return view.values().stream().map(AuditExport::csvCell).collect(Collectors.joining(",", "", "\n"));
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
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("seq", stored.seq());
		view.putAll(stored.event().fields());
		return view;
	}

}
