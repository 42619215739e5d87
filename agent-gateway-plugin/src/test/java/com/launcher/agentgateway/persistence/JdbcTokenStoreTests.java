package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TestAgentTokens;
import com.launcher.agentgateway.token.TokenStore;
import com.launcher.agentgateway.token.TokenStoreContractTests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTokenStoreTests extends TokenStoreContractTests {

	private static HikariDataSource dataSource;

	private static CountingDataSource counting;

	private static JdbcTokenStore tokens;

	private static JdbcAgentStore agents;

	private static JdbcGrantStore grants;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
		counting = new CountingDataSource(dataSource);
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(counting.dataSource());
		tokens = new JdbcTokenStore(jdbc);
		agents = new JdbcAgentStore(jdbc);
		grants = new JdbcGrantStore(jdbc);
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	@Override
	protected TokenStore tokenStore() {
		return tokens;
	}

	@Override
	protected AgentStore agentStore() {
		return agents;
	}

	@Override
	protected GrantStore grantStore() {
		return grants;
	}

	@Test
	void findByHashWhenAgentHasGrantsThenOneStatement() {
		Agent agent = givenAgent();
		grants.insert(TestGrants.write(agent.id(), "WEB"));
		grants.insert(TestGrants.read(agent.id(), "OPS"));
		grants.insert(TestGrants.read(agent.id(), "API"));
		AgentToken token = TestAgentTokens.active(agent.id());
		byte[] hash = TestAgentTokens.randomHash();
		tokens.insert(token, hash);
		counting.reset();

		assertThat(tokens.findByHash(hash).orElseThrow().grants()).hasSize(3);

		assertThat(counting.statements()).isEqualTo(1);
	}

	@Test
	void findByHashWhenTheHashIsLookedUpThenThePlanUsesTheUniqueIndex() {
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		String plan = String.join("\n",
				jdbc.getJdbcTemplate()
					.queryForList("EXPLAIN SELECT * FROM agw_token WHERE token_hash = decode(repeat('ab', 32), 'hex')",
							String.class));

		assertThat(plan).contains("agw_token_hash_uq");
	}

	@Test
	void insertWhenStoredThenNoColumnHoldsTheSecret() {
		String secret = TestAgentTokens.secret();
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		tokens.insert(token, TestAgentTokens.hasher().hash(secret));

		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		String row = jdbc.getJdbcTemplate()
			.queryForObject("SELECT CAST(t AS text) FROM agw_token t WHERE id = ?", String.class, token.id());

		assertThat(row).doesNotContain(secret).doesNotContain(secret.substring(4, 36));
	}

}
