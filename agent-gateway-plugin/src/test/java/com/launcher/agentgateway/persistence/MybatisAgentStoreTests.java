package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentQuery;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.AgentStoreContractTests;
import com.launcher.agentgateway.agent.ConnectionStatus;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TestAgentTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MybatisAgentStoreTests extends AgentStoreContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static MybatisAgentStore agents;

	private static MybatisTokenStore tokens;

	@BeforeAll
	static void createDatabase() {
		agents = new MybatisAgentStore(TestDatabase.sessions(DATABASE.dataSource()));
		tokens = new MybatisTokenStore(TestDatabase.sessions(DATABASE.dataSource()), "default");
	}

	@Override
	protected AgentStore agentStore() {
		return agents;
	}

	@Test
	void findByIdWhenTokensUsedThenLastSeenIsTheNewestUse() {
		Agent agent = TestAgents.agent();
		agents.insert(agent);
		AgentToken one = TestAgentTokens.active(agent.id());
		AgentToken two = TestAgentTokens.active(agent.id());
		tokens.insert(one, TestAgentTokens.randomHash());
		tokens.insert(two, TestAgentTokens.randomHash());
		assertThat(agents.findById(agent.id()).orElseThrow().lastSeenAt()).isNull();

		tokens.touch(one.id(), Instant.parse("2026-12-01T10:00:00Z"), "10.0.0.1");
		tokens.touch(two.id(), Instant.parse("2026-12-01T11:00:00Z"), "10.0.0.1");

		assertThat(agents.findById(agent.id()).orElseThrow().lastSeenAt())
			.isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
	}

	@Test
	void searchWhenFilteredByConnectionThenByTheLastUseOfAnyToken() {
		UUID owner = UUID.randomUUID();
		Agent never = TestAgents.ownedBy(owner, "never");
		Agent recent = TestAgents.ownedBy(owner, "recent");
		Agent old = TestAgents.ownedBy(owner, "old");
		for (Agent agent : List.of(never, recent, old)) {
			agents.insert(agent);
		}
		Instant since = Instant.parse("2026-12-01T10:00:00Z");
		AgentToken recentToken = TestAgentTokens.active(recent.id());
		AgentToken oldToken = TestAgentTokens.active(old.id());
		tokens.insert(recentToken, TestAgentTokens.randomHash());
		tokens.insert(oldToken, TestAgentTokens.randomHash());
		tokens.touch(recentToken.id(), since.plusSeconds(1), "10.0.0.1");
		// At the boundary is stale, as ConnectionStatus.of says.
		tokens.touch(oldToken.id(), since, "10.0.0.1");

		assertThat(connection(owner, ConnectionStatus.CONNECTED, since)).containsExactly(recent.id());
		assertThat(connection(owner, ConnectionStatus.STALE, since)).containsExactly(old.id());
		assertThat(connection(owner, ConnectionStatus.NEVER_CONNECTED, since)).containsExactly(never.id());
	}

	private static List<UUID> connection(UUID owner, ConnectionStatus connection, Instant since) {
		return agents.search(new AgentQuery(null, owner, null, connection, since, 10, 0))
			.agents()
			.stream()
			.map(Agent::id)
			.toList();
	}

}
