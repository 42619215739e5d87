package com.launcher.agentgateway.persistence;

import java.time.Instant;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.AgentStoreContractTests;
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
		tokens = new MybatisTokenStore(TestDatabase.sessions(DATABASE.dataSource()));
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

}
