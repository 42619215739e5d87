package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.List;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TestAgentTokens;
import com.launcher.agentgateway.token.TokenStore;
import com.launcher.agentgateway.token.TokenStoreContractTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MybatisTokenStoreTests extends TokenStoreContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static CountingDataSource counting;

	private static MybatisTokenStore tokens;

	private static MybatisAgentStore agents;

	private static MybatisGrantStore grants;

	@BeforeAll
	static void createDatabase() {
		counting = new CountingDataSource(DATABASE.dataSource());
		SqlSessionTemplate sessions = TestDatabase.sessions(counting.dataSource());
		tokens = new MybatisTokenStore(sessions);
		agents = new MybatisAgentStore(sessions);
		grants = new MybatisGrantStore(sessions);
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

		assertThat(tokens.findPresented(hash, "198.51.100.7").lookup().orElseThrow().grants()).hasSize(3);

		assertThat(counting.statements()).isEqualTo(1);
	}

	@Test
	void findPresentedWhenTheSourceIsBlockedThenOneStatementAnswersTheBlockAndNeverTheToken() {
		Agent agent = givenAgent();
		grants.insert(TestGrants.write(agent.id(), "WEB"));
		AgentToken token = TestAgentTokens.active(agent.id());
		byte[] hash = TestAgentTokens.randomHash();
		tokens.insert(token, hash);
		String source = "192.0.2." + (1 + (int) (Math.random() * 250));
		MybatisSourceThrottle throttle = new MybatisSourceThrottle(TestDatabase.sessions(DATABASE.dataSource()), 1,
				Duration.ofMinutes(15), Duration.ofMinutes(30));
		throttle.recordFailure(source);
		counting.reset();

		TokenStore.Presented presented = tokens.findPresented(hash, source);

		assertThat(counting.statements()).isEqualTo(1);
		assertThat(presented.sourceBlockedFor())
			.hasValueSatisfying((left) -> assertThat(left).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30)));
		// A refused source learns nothing about the token: a known one answers like an
		// unknown one.
		assertThat(presented.lookup()).isEmpty();
		TokenStore.Presented unknown = tokens.findPresented(TestAgentTokens.randomHash(), source);
		assertThat(unknown.lookup()).isEmpty();
		assertThat(unknown.sourceBlockedFor()).isPresent();
		TokenStore.Presented free = tokens.findPresented(hash, "192.0.2.251");
		assertThat(free.sourceBlockedFor()).isEmpty();
		assertThat(free.lookup().orElseThrow().grants()).hasSize(1);
	}

	@Test
	void findPresentedWhenTheHashIsLookedUpThenThePlanUsesTheUniqueIndexes() throws Exception {
		givenToken(TestAgentTokens.active(givenAgent().id()));
		counting.reset();
		tokens.findPresented(TestAgentTokens.randomHash(), "192.0.2.1");

		// The statement exactly as the store sent it, text and bound values, under
		// EXPLAIN.
		String plan = String.join("\n", HotStatementPlansBenchmark.explain(DATABASE.dataSource(),
				counting.captured().get(0), "EXPLAIN ", "SELECT 1"));

		assertThat(plan).contains("agw_token_hash_uq")
			.contains("agw_auth_failure_pkey")
			.doesNotContain("Seq Scan on agw_token");
	}

	@Test
	void findPresentedWhenCalledAgainThenTheDriverGetsTheSameStringInstance() {
		counting.reset();
		tokens.findPresented(TestAgentTokens.randomHash(), "192.0.2.2");
		tokens.findPresented(TestAgentTokens.randomHash(), "192.0.2.3");

		// pgjdbc finds its prepared statement by the text: the same instance compares at
		// once, a new kilobyte-long string in full (docs/BENCHMARKS.md).
		List<CountingDataSource.Captured> sent = counting.captured();
		assertThat(sent).hasSize(2);
		assertThat(sent.get(1).sql()).isSameAs(sent.get(0).sql());
	}

	@Test
	void touchWhenCalledThenOneStatement() {
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		tokens.insert(token, TestAgentTokens.randomHash());
		counting.reset();

		tokens.touch(token.id(), NOW, "198.51.100.7");

		assertThat(counting.statements()).isEqualTo(1);
		assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW);
	}

	@Test
	void insertWhenStoredThenNoColumnHoldsTheSecret() {
		String secret = TestAgentTokens.secret();
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		tokens.insert(token, TestAgentTokens.hasher().hash(secret));

		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(DATABASE.dataSource());
		String row = jdbc.getJdbcTemplate()
			.queryForObject("SELECT CAST(t AS text) FROM agw_token t WHERE id = ?", String.class, token.id());

		assertThat(row).doesNotContain(secret).doesNotContain(secret.substring(4, 36));
	}

}
