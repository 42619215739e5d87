package com.launcher.agentgateway.persistence.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.oauth.Authorization;
import com.launcher.agentgateway.oauth.AuthorizationCode;
import com.launcher.agentgateway.oauth.AuthorizationCodeStore;
import com.launcher.agentgateway.oauth.OAuthClient;
import com.launcher.agentgateway.oauth.RefreshToken;
import com.launcher.agentgateway.oauth.RefreshTokenStore;
import com.launcher.agentgateway.persistence.DatabasePerClass;
import com.launcher.agentgateway.persistence.MybatisAgentStore;
import com.launcher.agentgateway.persistence.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server's stores on PostgreSQL with the real changelog: the quota and
 * a code's first use are decided by single statements, so they hold across nodes.
 */
class MybatisOAuthStoresTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

	private static NamedParameterJdbcTemplate jdbc;

	private static MybatisOAuthClientStore clients;

	private static MybatisAuthorizationCodeStore codes;

	private static MybatisRefreshTokenStore refreshTokens;

	private static Agent agent;

	@BeforeAll
	static void createStores() {
		jdbc = TestDatabase.jdbc(DATABASE.dataSource());
		SqlSessionTemplate sessions = TestDatabase.sessions(DATABASE.dataSource());
		clients = new MybatisOAuthClientStore(sessions);
		codes = new MybatisAuthorizationCodeStore(sessions);
		refreshTokens = new MybatisRefreshTokenStore(sessions, "default");
		agent = TestAgents.agent();
		new MybatisAgentStore(sessions).insert(agent);
	}

	@Test
	void clientWhenRegisteredThenFoundUntilItExpiresUnlessUsed() {
		OAuthClient unused = client("unused-" + UUID.randomUUID(), NOW.plusSeconds(60));
		OAuthClient used = client("used-" + UUID.randomUUID(), NOW.plusSeconds(60));
		clients.insert(unused);
		clients.insert(used);
		clients.markUsed(used.clientId(), NOW);
		assertThat(clients.find(unused.clientId(), NOW)).hasValueSatisfying((c) -> {
			assertThat(c.redirectUris()).containsExactly("http://127.0.0.1/callback", "https://app.example/cb");
			assertThat(c.registeredFrom()).isEqualTo("2001:db8:1:2::/64");
		});
		Instant later = NOW.plusSeconds(120);
		assertThat(clients.find(unused.clientId(), later)).isEmpty();
		assertThat(clients.find(used.clientId(), later)).hasValueSatisfying((c) -> {
			assertThat(c.expiresAt()).isNull();
			assertThat(c.lastUsedAt()).isEqualTo(NOW);
		});
		assertThat(clients.deleteExpired(later, 100)).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agw_oauth_client WHERE client_id = :id",
				java.util.Map.of("id", unused.clientId()), Long.class))
			.isZero();
	}

	@Test
	void documentClientWhenSavedTwiceThenRefreshedNotDuplicated() {
		String url = "https://client.example/" + UUID.randomUUID() + ".json";
		clients.saveDocumentClient(new OAuthClient(url, OAuthClient.Kind.METADATA_DOCUMENT, "First",
				List.of("http://127.0.0.1/callback"), null, NOW, NOW, null, null));
		clients.saveDocumentClient(new OAuthClient(url, OAuthClient.Kind.METADATA_DOCUMENT, "Second",
				List.of("http://localhost/callback"), null, NOW, NOW.plusSeconds(5), null, null));
		assertThat(clients.find(url, NOW)).hasValueSatisfying((c) -> {
			assertThat(c.clientName()).isEqualTo("Second");
			assertThat(c.fetchedAt()).isEqualTo(NOW.plusSeconds(5));
		});
	}

	@Test
	void quotaWhenSpentConcurrentlyThenExactlyTheLimitIsAdmitted() throws Exception {
		String source = "198.51.100." + (int) (Math.random() * 200);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				calls.add(() -> clients.tryConsumeRegistration(source, LocalDate.of(2026, 12, 1), 25));
			}
			long admitted = 0;
			for (Future<Boolean> result : pool.invokeAll(calls)) {
				admitted += result.get() ? 1 : 0;
			}
			assertThat(admitted).isEqualTo(25);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(clients.tryConsumeRegistration(source, LocalDate.of(2026, 12, 2), 25)).as("a new day").isTrue();
	}

	@Test
	void codeWhenClaimedConcurrentlyThenExactlyOneFirstUse() throws Exception {
		byte[] hash = UUID.randomUUID().toString().getBytes();
		Authorization authorization = new Authorization(UUID.randomUUID(), "client", agent.id(), agent.ownerUserId(),
				"https://launcher.example/plugins/agent-gateway/mcp", "tasker", NOW);
		codes.insert(new AuthorizationCode(authorization, "http://127.0.0.1/callback", "c".repeat(43),
				NOW.plusSeconds(60), null), hash);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Optional<AuthorizationCodeStore.Claimed>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(() -> codes.claim(hash, NOW.plusSeconds(1)));
			}
			long first = 0;
			for (Future<Optional<AuthorizationCodeStore.Claimed>> result : pool.invokeAll(calls)) {
				AuthorizationCodeStore.Claimed claimed = result.get().orElseThrow();
				assertThat(claimed.code().authorization()).isEqualTo(authorization);
				assertThat(claimed.storedHash()).isEqualTo(hash);
				first += claimed.firstUse() ? 1 : 0;
			}
			assertThat(first).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(codes.claim("unknown".getBytes(), NOW)).isEmpty();
		assertThat(codes.deleteExpired(NOW.plus(Duration.ofMinutes(5)), 100)).isGreaterThanOrEqualTo(1);
		assertThat(codes.claim(hash, NOW)).isEmpty();
	}

	@Test
	void refreshTokenWhenRotatedOnceAndFamilyRevokedThenStatusesFollow() {
		UUID family = UUID.randomUUID();
		RefreshToken first = refresh(family);
		RefreshToken second = refresh(family);
		byte[] firstHash = ("h1-" + family).getBytes();
		refreshTokens.insert(first, firstHash);
		refreshTokens.insert(second, ("h2-" + family).getBytes());
		assertThat(refreshTokens.findByHash(firstHash)).hasValueSatisfying((p) -> {
			assertThat(p.token()).isEqualTo(first);
			assertThat(p.storedHash()).isEqualTo(firstHash);
		});
		assertThat(refreshTokens.rotate(first.id(), NOW)).isTrue();
		assertThat(refreshTokens.rotate(first.id(), NOW)).as("only once").isFalse();
		List<RefreshToken> revoked = refreshTokens.revokeFamily(family, "refresh_token_reuse", NOW);
		assertThat(revoked).hasSize(2)
			.allSatisfy((t) -> assertThat(t.status()).isEqualTo(RefreshToken.Status.REVOKED))
			.allSatisfy((t) -> assertThat(t.statusReason()).isEqualTo("refresh_token_reuse"));
		assertThat(refreshTokens.revokeFamily(family, "again", NOW)).isEmpty();
		assertThat(refreshTokens.findByAgent(agent.id())).extracting((t) -> t.authorization().familyId())
			.contains(family);
		RefreshTokenStore store = refreshTokens;
		assertThat(store.findByHash("none".getBytes())).isEmpty();
	}

	private static OAuthClient client(String id, Instant expiresAt) {
		return new OAuthClient(id, OAuthClient.Kind.REGISTERED, "Client " + id,
				List.of("http://127.0.0.1/callback", "https://app.example/cb"), "2001:db8:1:2::/64", NOW, null, null,
				expiresAt);
	}

	private static RefreshToken refresh(UUID family) {
		Authorization authorization = new Authorization(family, "client", agent.id(), agent.ownerUserId(),
				"https://launcher.example/plugins/agent-gateway/mcp", "tasker", NOW);
		return new RefreshToken(UUID.randomUUID(), "agwr_\u2026abcd", authorization, UUID.randomUUID(),
				RefreshToken.Status.ACTIVE, null, NOW, NOW.plus(Duration.ofDays(90)));
	}

}
