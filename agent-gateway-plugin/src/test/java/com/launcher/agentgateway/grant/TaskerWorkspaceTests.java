package com.launcher.agentgateway.grant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskerWorkspaceTests {

	@Test
	void newWhenSlugThenKept() {
		assertThat(new TaskerWorkspace("acme-2").slug()).isEqualTo("acme-2");
	}

	@Test
	void newWhenNotASlugGrantsWouldAcceptThenRefusedAtStart() {
		for (String bad : new String[] { "", "Acme", "-acme", "acme/x", "a".repeat(65) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new TaskerWorkspace(bad))
				.withMessageContaining("agent-gateway.tasker.workspace");
		}
	}

}
