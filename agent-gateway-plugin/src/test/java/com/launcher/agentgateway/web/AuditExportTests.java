package com.launcher.agentgateway.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTests {

	private static final StoredAuditEvent STORED = new StoredAuditEvent(7,
			new AuditEvent(UUID.fromString("00000000-0000-0000-0000-000000000001"),
					Instant.parse("2026-11-22T10:00:00.123456Z"),
					UUID.fromString("00000000-0000-0000-0000-000000000002"), null, ActorType.AGENT, "=cmd",
					"tool.create_work_item", "work_item", "WEB-12", Outcome.DENIED, "say \"no\"", "req-1", "10.0.0.7",
					null, "agw_\u2026abcd", Map.of("project", "WEB")));

	@Test
	void csvRowWhenEventThenHeaderColumnsInOrderQuotedAndFormulaSafe() {
		assertThat(AuditExport.csvRow(STORED)).isEqualTo("\"7\",\"00000000-0000-0000-0000-000000000001\","
				+ "\"2026-11-22T10:00:00.123456Z\",\"00000000-0000-0000-0000-000000000002\",,\"AGENT\",\"'=cmd\","
				+ "\"tool.create_work_item\",\"work_item\",\"WEB-12\",\"DENIED\",\"say \"\"no\"\"\",\"req-1\","
				+ "\"10.0.0.7\",,\"agw_\u2026abcd\"\n");
	}

	@Test
	void jsonLineWhenEventThenEveryFieldInOrderWithNullsAndDetails() {
		assertThat(AuditExport.jsonLine(STORED)).isEqualTo("{\"seq\":7,\"id\":\"00000000-0000-0000-0000-000000000001\","
				+ "\"occurredAt\":\"2026-11-22T10:00:00.123456Z\",\"agentId\":\"00000000-0000-0000-0000-000000000002\","
				+ "\"ownerUserId\":null,\"actorType\":\"AGENT\",\"actorId\":\"=cmd\",\"action\":\"tool.create_work_item\","
				+ "\"targetType\":\"work_item\",\"targetId\":\"WEB-12\",\"outcome\":\"DENIED\",\"reason\":\"say \\\"no\\\"\","
				+ "\"requestId\":\"req-1\",\"sourceAddress\":\"10.0.0.7\",\"tokenId\":null,\"tokenHint\":\"agw_\u2026abcd\","
				+ "\"details\":{\"project\":\"WEB\"}}\n");
	}

}
