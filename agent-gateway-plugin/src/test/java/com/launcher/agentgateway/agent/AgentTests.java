package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentTests {

	private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void newWhenNameFillsTheColumnThenKept() {
		assertThat(agent("a".repeat(Agent.MAX_NAME)).name()).hasSize(Agent.MAX_NAME);
	}

	@Test
	void newWhenNameFillsTheColumnWithCharactersOutsideTheBmpThenKept() {
		// varchar(80) counts characters, not UTF-16 units: every stored name must load.
		assertThat(agent("🚀".repeat(Agent.MAX_NAME)).name()).hasSize(2 * Agent.MAX_NAME);
	}

	@Test
	void newWhenNameBlankOrWiderThanTheColumnThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> agent(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> agent("a".repeat(Agent.MAX_NAME + 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> agent("🚀".repeat(Agent.MAX_NAME + 1)));
	}

	private static Agent agent(String name) {
		UUID owner = UUID.randomUUID();
		return new Agent(UUID.randomUUID(), owner, owner, name, null, AgentStatus.ENABLED, CREATED, CREATED, null,
				null);
	}

}
