package com.launcher.agentgateway.token;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TestGrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AgentPrincipalTests {

	private final UUID agentId = UUID.randomUUID();

	@Test
	void grantNamedWhenIdentifierInAnyCaseThenThatGrant() {
		Grant web = TestGrants.read(this.agentId, "WEB");

		assertThat(principal(web, TestGrants.write(this.agentId, "OPS")).grantNamed("web")).isEqualTo(web);
	}

	@Test
	void grantNamedWhenNotGrantedThenProjectNotGranted() {
		GatewayException refused = catchThrowableOfType(GatewayException.class,
				() -> principal(TestGrants.read(this.agentId, "WEB")).grantNamed("OPS"));

		assertThat(refused.errorCode()).isEqualTo(ErrorCode.PROJECT_NOT_GRANTED);
	}

	@Test
	void grantNamedWhenTwoWorkspacesShareTheIdentifierThenInvalidListingBothUuids() {
		Grant first = TestGrants.read(this.agentId, "WEB");
		Grant second = TestGrants.write(this.agentId, "WEB");

		GatewayException refused = catchThrowableOfType(GatewayException.class,
				() -> principal(first, second).grantNamed("WEB"));

		assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(refused.field()).isEqualTo("project_id");
		assertThat(refused.details()).containsEntry("valid",
				List.of(first.projectId().toString(), second.projectId().toString()));
	}

	@Test
	void grantNamedWhenAUuidInAnyCaseThenThatGrantAndAnUngrantedOneIsNotGranted() {
		Grant web = TestGrants.read(this.agentId, "WEB");
		AgentPrincipal agent = principal(web, TestGrants.write(this.agentId, "OPS"));

		assertThat(agent.grantNamed(web.projectId().toString().toUpperCase(Locale.ROOT))).isEqualTo(web);
		assertThat(catchThrowableOfType(GatewayException.class, () -> agent.grantNamed(UUID.randomUUID().toString()))
			.errorCode()).isEqualTo(ErrorCode.PROJECT_NOT_GRANTED);
	}

	@Test
	void grantNamedWhenThirtySixCharactersAreNoCanonicalUuidThenInvalidProjectId() {
		AgentPrincipal agent = principal(TestGrants.read(this.agentId, "WEB"));

		// The first is read by UUID.fromString, leniently, as another UUID.
		for (String malformed : List.of("0000000000001-0001-0001-0001-0000001", "-".repeat(36))) {
			GatewayException refused = catchThrowableOfType(GatewayException.class, () -> agent.grantNamed(malformed));
			assertThat(refused.errorCode()).as(malformed).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(refused.field()).isEqualTo("project_id");
		}
	}

	private AgentPrincipal principal(Grant... grants) {
		return new AgentPrincipal(this.agentId, "bot", UUID.randomUUID(), "ada@example.test", "Ada", UUID.randomUUID(),
				"agw_ab…wxyz", List.of(grants), "req-1", "192.0.2.1");
	}

}
