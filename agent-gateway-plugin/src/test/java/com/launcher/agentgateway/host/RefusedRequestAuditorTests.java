package com.launcher.agentgateway.host;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.host.api.web.RefusedRequest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class RefusedRequestAuditorTests {

	private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

	private final AuditLog audit = mock(AuditLog.class);

	private final RefusedRequestAuditor auditor = new RefusedRequestAuditor(this.audit,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void refusedWhenConsentFormLacksCsrfTokenThenOneDeniedConsentEventNamingThePerson() {
		AuditEvent event = audited("POST", "/plugins/agent-gateway/oauth/authorize");
		assertThat(event.action()).isEqualTo("oauth.consent");
		assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
		assertThat(event.reason()).isEqualTo("csrf_invalid");
		assertThat(event.actorType()).isEqualTo(ActorType.USER);
		assertThat(event.actorId()).isEqualTo(ALICE.toString());
		assertThat(event.requestId()).isEqualTo("req-1");
		assertThat(event.sourceAddress()).isEqualTo("192.0.2.7");
		assertThat(event.occurredAt()).isEqualTo(NOW);
		assertThat(event.agentId()).isNull();
		assertThat(event.details()).containsEntry("route", "/oauth/authorize").containsEntry("method", "POST");
	}

	@Test
	void refusedWhenAgentPageFormThenActionIsTheFormsOwnWithTheAgentAsTarget() {
		UUID agent = UUID.randomUUID();
		AuditEvent mint = audited("POST", "/plugins/agent-gateway/agents/" + agent + "/tokens");
		assertThat(mint.action()).isEqualTo("token.mint");
		assertThat(mint.targetType()).isEqualTo("agent");
		assertThat(mint.targetId()).isEqualTo(agent.toString());
		assertThat(audited("POST", "/plugins/agent-gateway/agents").action()).isEqualTo("agent.create");
		assertThat(
				audited("POST", "/plugins/agent-gateway/agents/" + agent + "/tokens/" + UUID.randomUUID() + "/revoke")
					.action())
			.isEqualTo("token.revoke");
		assertThat(audited("POST", "/plugins/agent-gateway/agents/" + agent + "/grants").action())
			.isEqualTo("grant.create");
	}

	@Test
	void refusedWhenRouteIsNoKnownFormThenWebRequestEvent() {
		AuditEvent event = audited("POST", "/plugins/agent-gateway/api/v1/agents");
		assertThat(event.action()).isEqualTo(RefusedRequestAuditor.WEB_REQUEST);
		assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
		assertThat(event.reason()).isEqualTo("csrf_invalid");
		assertThat(event.details()).containsEntry("route", "/api/v1/agents");
	}

	@Test
	void refusedWhenNobodySignedInThenNothingWritten() {
		this.auditor.refused(new RefusedRequest("req-1", "POST", "/plugins/agent-gateway/oauth/authorize", null,
				"192.0.2.7", RefusedRequest.CSRF_INVALID));
		verifyNoInteractions(this.audit);
	}

	@Test
	void refusedWhenPathIsLongThenStoredRouteIsBounded() {
		AuditEvent event = audited("POST", "/plugins/agent-gateway/" + "x".repeat(5000));
		assertThat(event.details().get("route")).hasSize(200);
	}

	private AuditEvent audited(String method, String path) {
		AuditLog log = mock(AuditLog.class);
		new RefusedRequestAuditor(log, Clock.fixed(NOW, ZoneOffset.UTC))
			.refused(new RefusedRequest("req-1", method, path, ALICE, "192.0.2.7", RefusedRequest.CSRF_INVALID));
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(log).append(event.capture());
		return event.getValue();
	}

}
