package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.CidrMatcher;
import com.launcher.agentgateway.token.TestAgentTokens;
import com.launcher.agentgateway.token.TokenStatus;
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
		tokens = new MybatisTokenStore(sessions, "default");
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
	void insertWhenTenLongestIpv6CidrsThenStoredAndReadBack() {
		Agent agent = givenAgent();
		List<String> cidrs = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			cidrs.add("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255." + (240 + i) + "/128");
		}
		// The validation's bound (ten blocks of up to 49 characters) must fit the column
		// (issue 12, point 12).
		assertThat(CidrMatcher.validate(cidrs)).hasSize(10);
		assertThat(String.join(",", cidrs)).hasSize(499);
		AgentToken token = TestAgentTokens.withCidrs(TestAgentTokens.active(agent.id()), cidrs);

		tokens.insert(token, TestAgentTokens.randomHash());

		assertThat(tokens.findById(token.id()).orElseThrow().allowedCidrs()).isEqualTo(cidrs);
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
	void findPresentedWhenTheSourceIsBlockedThenOneStatementAnswersTheBlockAndTheToken() {
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
		// The refusal names the agent whose token it was (A1); the client hears the same
		// refusal either way.
		assertThat(presented.lookup())
			.hasValueSatisfying((lookup) -> assertThat(lookup.token().id()).isEqualTo(token.id()));
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
	void findPresentedWhenEveryColumnHoldsAValueThenTheRowReadsBackAsStored() {
		// The look-up's rows are read by position (PresentedRowTypeHandler): with no
		// column left null, a select list that moved reads a wrong value here.
		Agent agent = givenAgent();
		grants.insert(TestGrants.write(agent.id(), "WEB"));
		AgentToken token = TestAgentTokens.withCidrs(TestAgentTokens.inFamily(agent.id(), UUID.randomUUID()),
				List.of("10.0.0.0/8"));
		byte[] hash = TestAgentTokens.randomHash();
		tokens.insert(token, hash);
		tokens.transition(token.id(), TokenStatus.ACTIVE, TokenStatus.SUSPENDED, "owner_blocked", UUID.randomUUID(),
				NOW.plusSeconds(5));
		tokens.touch(token.id(), NOW.plusSeconds(7), "198.51.100.9");
		AgentToken stored = tokens.findById(token.id()).orElseThrow();
		assertThat(stored).hasNoNullFieldsOrProperties();

		TokenStore.TokenLookup lookup = tokens.findPresented(hash, "198.51.100.7").lookup().orElseThrow();

		assertThat(lookup.token()).isEqualTo(stored);
		assertThat(lookup.storedHash()).isEqualTo(hash);
		assertThat(lookup.agentStatus()).isEqualTo(agent.status());
		assertThat(lookup.agentName()).isEqualTo(agent.name());
		assertThat(lookup.ownerUserId()).isEqualTo(agent.ownerUserId());
		assertThat(lookup.grants()).singleElement().hasNoNullFieldsOrProperties();
		assertThat(lookup.grants()).containsExactlyElementsOf(grants.findByAgent(agent.id()));
	}

	@Test
	void findPresentedWhenReadThenOneStatementAndTheRowsAreReadWithoutColumnMetadata() {
		// Every bearer request runs this look-up. Its rows go straight to their type
		// handler (RowReadingConfiguration): asking the driver for the metadata of 27
		// columns cost more CPU than mapping them (issue 13).
		Agent agent = givenAgent();
		grants.insert(TestGrants.write(agent.id(), "WEB"));
		grants.insert(TestGrants.read(agent.id(), "API"));
		AgentToken token = TestAgentTokens.active(agent.id());
		byte[] hash = TestAgentTokens.randomHash();
		tokens.insert(token, hash);
		counting.reset();

		TokenStore.TokenLookup lookup = tokens.findPresented(hash, "198.51.100.7").lookup().orElseThrow();

		assertThat(lookup.grants()).hasSize(2);
		assertThat(counting.statements()).isEqualTo(1);
		assertThat(counting.metadataReads()).isZero();
		// Statements mapped by MyBatis still read it: the count above is not blind.
		counting.reset();
		assertThat(tokens.findById(token.id())).isPresent();
		assertThat(counting.metadataReads()).isEqualTo(1);
	}

	@Test
	void findPresentedWhenReadThenTheDriverKeepsNoCancelTimerWhileAWriteKeepsItsTimeout() {
		// The look-up waits for no row lock: the network timeout bounds it, and the
		// driver's cancel timer would cost every request a wake-up of its timer thread.
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		byte[] hash = TestAgentTokens.randomHash();
		tokens.insert(token, hash);
		counting.reset();

		assertThat(tokens.findPresented(hash, "198.51.100.7").lookup()).isPresent();
		tokens.touch(token.id(), NOW, "198.51.100.7");

		assertThat(counting.queryTimeouts()).containsExactly(0, 4);
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
	void rehashWhenMovedToTheCurrentPepperThenOneStatementFoundUnderTheNewHashOnlyAndCountedUnderItsKeyId() {
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		byte[] old = TestAgentTokens.randomHash();
		new MybatisTokenStore(TestDatabase.sessions(DATABASE.dataSource()), "default").insert(token, old);
		MybatisTokenStore rotated = new MybatisTokenStore(TestDatabase.sessions(counting.dataSource()), "v2");
		byte[] moved = TestAgentTokens.randomHash();
		counting.reset();

		assertThat(rotated.rehash(token.id(), old, moved)).isTrue();

		assertThat(counting.statements()).isEqualTo(1);
		assertThat(rotated.rehash(token.id(), old, TestAgentTokens.randomHash())).as("a second move finds nothing")
			.isFalse();
		assertThat(tokens.findPresented(old, "198.51.100.7").lookup()).isEmpty();
		assertThat(tokens.findPresented(moved, "198.51.100.7").lookup())
			.hasValueSatisfying((lookup) -> assertThat(lookup.token().id()).isEqualTo(token.id()));
		assertThat(new NamedParameterJdbcTemplate(DATABASE.dataSource()).getJdbcTemplate()
			.queryForObject("SELECT pepper_kid FROM agw_token WHERE id = ?", String.class, token.id())).isEqualTo("v2");
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
