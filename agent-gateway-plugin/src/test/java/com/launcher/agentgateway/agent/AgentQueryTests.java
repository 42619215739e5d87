package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AgentQueryTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void newWhenNameBlankOrPaddedThenNoFilterOrTrimmed() {
		assertThat(new AgentQuery("  ", null, null, null, NOW, 20, 0).nameContains()).isNull();
		assertThat(new AgentQuery(null, null, null, null, NOW, 20, 0).nameContains()).isNull();
		assertThat(new AgentQuery(" fleet ", null, null, null, NOW, 20, 0).nameContains()).isEqualTo("fleet");
	}

	@Test
	void newWhenPageOutOfRangeOrNoThresholdThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AgentQuery(null, null, null, null, NOW, 0, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AgentQuery(null, null, null, null, NOW, AgentQuery.MAX_LIMIT + 1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new AgentQuery(null, null, null, null, NOW, 20, -1));
		assertThatNullPointerException().isThrownBy(() -> new AgentQuery(null, null, null, null, null, 20, 0));
	}

	@Test
	void pageWhenCalledThenSameFiltersOtherPage() {
		UUID owner = UUID.randomUUID();
		AgentQuery query = new AgentQuery("a", owner, AgentStatus.ENABLED, ConnectionStatus.STALE, NOW, 20, 0);

		assertThat(query.page(10, 40))
			.isEqualTo(new AgentQuery("a", owner, AgentStatus.ENABLED, ConnectionStatus.STALE, NOW, 10, 40));
	}

}
