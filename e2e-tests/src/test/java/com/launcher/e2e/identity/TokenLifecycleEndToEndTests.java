package com.launcher.e2e.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.identity.IdentityCalls.API;
import static com.launcher.e2e.identity.IdentityCalls.auditOf;
import static com.launcher.e2e.identity.IdentityCalls.count;
import static com.launcher.e2e.identity.IdentityCalls.mint;
import static com.launcher.e2e.identity.IdentityCalls.ping;
import static com.launcher.e2e.identity.IdentityCalls.tokenStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens across two hosts sharing one database (security.md T3, T4, T5): revoke on one
 * node is seen by the other at the next request, an owner blocked without the lifecycle
 * event is refused anyway, an owner blocked while the plugin was stopped everywhere is
 * caught by the sync at start, rotation reuse revokes the family, expiry, CIDR binding,
 * the per-source failure throttle, and failing closed when the token table is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenLifecycleEndToEndTests {

	private static final Logger logger = LoggerFactory.getLogger(TokenLifecycleEndToEndTests.class);

	private static LauncherCluster cluster;

	private static LauncherNode node1;

	private static LauncherNode node2;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(2, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				IdentityCalls.PROPERTIES);
		node1 = cluster.node(0);
		node2 = cluster.node(1);
		jdbc = cluster.jdbc();
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void pingWhenTokenValidThenAcceptedOnBothNodesWithOneAuditEventEach() {
		UUID agent = node1.createAgent("bob", "both-nodes-bot");
		String[] token = mint(node1, "bob", agent);
		for (LauncherNode node : List.of(node1, node2)) {
			HttpResponse<String> response = ping(node, token[1], "198.51.100.1");
			assertThat(response.statusCode()).as(response.body()).isNotIn(401, 429).isLessThan(500);
			List<Map<String, Object>> events = auditOf(jdbc, response);
			assertThat(events).as("A1: one event per request").hasSize(1);
			assertThat(events.get(0)).containsEntry("agent_id", agent)
				.containsEntry("owner_user_id", LauncherNode.BOB_ID)
				.containsEntry("token_id", UUID.fromString(token[0]));
		}
		assertThat(jdbc.queryForObject("SELECT last_used_ip FROM agw_token WHERE id = ?::uuid", String.class, token[0]))
			.isEqualTo("198.51.100.1");
	}

	@Test
	@Order(2)
	void revokeWhenDoneOnNodeOneThenNextRequestOnNodeTwoRefused() {
		UUID agent = node1.createAgent("bob", "t4-bot");
		String[] token = mint(node1, "bob", agent);
		assertThat(ping(node2, token[1], "198.51.100.2").statusCode()).isNotEqualTo(401);

		HttpResponse<String> revoke = node1.post("bob", API + "/agents/" + agent + "/tokens/" + token[0] + "/revoke",
				null);
		assertThat(revoke.statusCode()).isEqualTo(204);
		assertThat(auditOf(jdbc, revoke)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "token.revoke")
				.containsEntry("agent_id", agent)
				.containsEntry("owner_user_id", LauncherNode.BOB_ID));

		HttpResponse<String> refused = ping(node2, token[1], "198.51.100.2");
		assertRefused(refused);
		assertThat(auditOf(jdbc, refused)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "token.use")
				.containsEntry("outcome", "DENIED")
				.containsEntry("reason", "token_revoked")
				.containsEntry("agent_id", agent)
				.containsEntry("owner_user_id", LauncherNode.BOB_ID));
		assertRefused(ping(node1, token[1], "198.51.100.2"));
	}

	@Test
	@Order(3)
	void blockWhenLifecycleEventSuppressedThenNextRequestRefusedAndRequestTimeCascadeSuspends()
			throws InterruptedException {
		UUID agent = node1.createAgent("bob", "t5-bot");
		String[] used = mint(node1, "bob", agent);
		String[] other = mint(node1, "bob", agent);
		assertThat(ping(node2, used[1], "198.51.100.3").statusCode()).isNotEqualTo(401);
		int cascadesBefore = count(jdbc, "SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'");

		assertThat(
				node1.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/block?notifyPlugins=false", null)
					.statusCode())
			.isEqualTo(200);
		try {
			// No event reached the plugin: nothing has changed yet.
			assertThat(tokenStatus(jdbc, used[0])).isEqualTo("ACTIVE");
			assertThat(count(jdbc, "SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"))
				.isEqualTo(cascadesBefore);

			HttpResponse<String> refused = ping(node2, used[1], "198.51.100.3");
			assertRefused(refused);
			assertThat(auditOf(jdbc, refused)).filteredOn((e) -> "token.use".equals(e.get("action")))
				.singleElement()
				.satisfies((e) -> assertThat(e).containsEntry("reason", "owner_blocked")
					.containsEntry("agent_id", agent)
					.containsEntry("owner_user_id", LauncherNode.BOB_ID));
			// The cascade runs off the refused request's thread: wait for it, boundedly.
			awaitCascade(agent, 2);
			assertThat(tokenStatus(jdbc, used[0])).isEqualTo("SUSPENDED");
			assertThat(tokenStatus(jdbc, other[0])).isEqualTo("SUSPENDED");
			assertThat(count(jdbc,
					"SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"
							+ " AND details LIKE '%request_time_check%' AND agent_id = ?::uuid",
					agent.toString()))
				.isEqualTo(2);
			assertRefused(ping(node1, other[1], "198.51.100.3"));
		}
		finally {
			node1.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/reactivate", null);
		}
		// Reactivation resumes nothing by itself.
		assertThat(tokenStatus(jdbc, used[0])).isEqualTo("SUSPENDED");
		assertRefused(ping(node1, used[1], "198.51.100.3"));
	}

	private static void awaitCascade(UUID agent, int events) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (count(jdbc,
				"SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"
						+ " AND details LIKE '%request_time_check%' AND agent_id = ?::uuid",
				agent.toString()) < events && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	@Test
	@Order(4)
	void blockWhilePluginStoppedOnEveryNodeThenSyncAtStartSuspendsBeforeAnyRequest() {
		UUID agent = node1.createAgent("alice", "sync-bot");
		String[] token = mint(node1, "alice", agent);
		assertThat(node1.post("admin", "/launcher/api/plugins/agent-gateway/stop", null).statusCode()).isEqualTo(200);
		assertThat(node2.post("admin", "/launcher/api/plugins/agent-gateway/stop", null).statusCode()).isEqualTo(200);
		try {
			assertThat(
					node1.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/block", null).statusCode())
				.isEqualTo(200);
			assertThat(tokenStatus(jdbc, token[0])).as("no plugin heard the event").isEqualTo("ACTIVE");

			assertThat(node1.post("admin", "/launcher/api/plugins/agent-gateway/start", null).statusCode())
				.isEqualTo(200);
			// The sync ran while the plugin started, before any request used the token.
			assertThat(tokenStatus(jdbc, token[0])).isEqualTo("SUSPENDED");
			assertThat(
					count(jdbc,
							"SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"
									+ " AND details LIKE '%periodic_sync%' AND token_id = ?::uuid",
							token[0]))
				.isEqualTo(1);
			assertThat(count(jdbc,
					"SELECT count(*) FROM agw_audit_event WHERE action = 'token.use'" + " AND token_id = ?::uuid",
					token[0]))
				.isZero();
		}
		finally {
			node1.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/reactivate", null);
			node1.post("admin", "/launcher/api/plugins/agent-gateway/start", null);
			node2.post("admin", "/launcher/api/plugins/agent-gateway/start", null);
		}
		assertRefused(ping(node2, token[1], "198.51.100.4"));
	}

	@Test
	@Order(5)
	void rotateWhenRotatedOutTokenPresentedAgainThenWholeFamilyRevoked() {
		UUID agent = node1.createAgent("bob", "rotation-bot");
		String[] first = mint(node1, "bob", agent);
		HttpResponse<String> rotate = node1.post("bob", API + "/agents/" + agent + "/tokens/" + first[0] + "/rotate",
				"{\"expiresInDays\":3}");
		assertThat(rotate.statusCode()).as(rotate.body()).isEqualTo(201);
		String successorId = LauncherNode.json(rotate).get("id").asString();
		String successor = LauncherNode.json(rotate).get("token").asString();
		IdentityCalls.MINTED.add(successor);
		assertThat(successor).isNotEqualTo(first[1]);
		assertThat(tokenStatus(jdbc, first[0])).isEqualTo("ROTATED");
		assertThat(ping(node2, successor, "198.51.100.5").statusCode()).isNotEqualTo(401);

		HttpResponse<String> reuse = ping(node2, first[1], "198.51.100.5");
		assertRefused(reuse);
		assertThat(auditOf(jdbc, reuse)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "rotated_token_reuse")
				.containsEntry("agent_id", agent));
		assertThat(tokenStatus(jdbc, first[0])).isEqualTo("REVOKED");
		assertThat(tokenStatus(jdbc, successorId)).isEqualTo("REVOKED");
		assertRefused(ping(node1, successor, "198.51.100.5"));
	}

	@Test
	@Order(6)
	void pingWhenTokenExpiredThenRefused() {
		UUID agent = node1.createAgent("bob", "expiry-bot");
		String[] token = mint(node1, "bob", agent);
		assertThat(ping(node1, token[1], "198.51.100.6").statusCode()).isNotEqualTo(401);
		jdbc.update("UPDATE agw_token SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", token[0]);
		HttpResponse<String> refused = ping(node2, token[1], "198.51.100.6");
		assertRefused(refused);
		assertThat(auditOf(jdbc, refused)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "token_expired"));
	}

	@Test
	@Order(7)
	void pingWhenSourceOutsideTokenCidrThenRefusedInsideAccepted() {
		UUID agent = node1.createAgent("bob", "cidr-bot");
		HttpResponse<String> minted = node1.post("bob", API + "/agents/" + agent + "/tokens",
				"{\"expiresInDays\":2,\"allowedCidrs\":[\"198.51.100.0/24\"]}");
		assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
		String secret = LauncherNode.json(minted).get("token").asString();
		IdentityCalls.MINTED.add(secret);
		assertThat(ping(node2, secret, "198.51.100.77").statusCode()).isNotEqualTo(401);
		HttpResponse<String> outside = ping(node2, secret, "203.0.113.77");
		assertRefused(outside);
		assertThat(auditOf(jdbc, outside)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "source_not_allowed"));
	}

	@Test
	@Order(8)
	void pingWhenAgentDisabledThenRefusedAndWhenEnabledAgainAccepted() {
		UUID agent = node1.createAgent("bob", "switch-bot");
		String[] token = mint(node1, "bob", agent);
		assertThat(node1.post("bob", API + "/agents/" + agent + "/disable", null).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = ping(node2, token[1], "198.51.100.8");
		assertRefused(refused);
		assertThat(auditOf(jdbc, refused)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "agent_disabled"));
		assertThat(node1.post("bob", API + "/agents/" + agent + "/enable", null).statusCode()).isEqualTo(200);
		assertThat(ping(node2, token[1], "198.51.100.8").statusCode()).isNotEqualTo(401);
	}

	@Test
	@Order(9)
	void pingWhenSourceFailsRepeatedlyThenSourceThrottledButAgentNotLockedOut() {
		UUID agent = node1.createAgent("bob", "throttle-bot");
		String[] token = mint(node1, "bob", agent);
		String attacker = "192.0.2.66";
		int throttledAt = -1;
		for (int i = 0; i < 6 && throttledAt < 0; i++) {
			HttpResponse<String> response = ping((i % 2 == 0) ? node1 : node2, garbage(i), attacker);
			assertThat(response.statusCode()).isIn(401, 429);
			assertThat(auditOf(jdbc, response)).as("A1 for a garbage token")
				.singleElement()
				.satisfies((e) -> assertThat(e).containsEntry("action", "token.use")
					.containsEntry("outcome", "DENIED")
					.containsEntry("agent_id", null));
			if (response.statusCode() == 429) {
				throttledAt = i + 1;
			}
		}
		assertThat(throttledAt).as("throttled at the configured limit of 5 failures, across both nodes").isEqualTo(5);
		HttpResponse<String> blocked = ping(node2, token[1], attacker);
		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Retry-After"))
			.hasValueSatisfying((v) -> assertThat(Long.parseLong(v)).isPositive());
		assertThat(blocked.body()).doesNotContain(token[1]);
		// The agent itself is not locked out: the same token from its own address works.
		assertThat(ping(node1, token[1], "198.51.100.9").statusCode()).isNotIn(401, 429);
		assertThat(tokenStatus(jdbc, token[0])).isEqualTo("ACTIVE");
	}

	@Test
	@Order(9)
	void pingWhenBlockedSourceKeepsSendingGarbageThenNoWritesBeyondOneSampleAMinute() {
		String attacker = "192.0.2.77";
		long started = System.nanoTime();
		int refused = 0;
		int blockedAt = -1;
		for (int i = 0; i < 1000; i++) {
			// Malformed tokens count towards the block (issue 12, point 2).
			String presented = (i % 2 == 0) ? "not-a-token-" + i : garbage(i);
			HttpResponse<String> response = ping(node1, presented, attacker);
			assertThat(response.statusCode()).isIn(401, 429);
			refused++;
			if (response.statusCode() == 429 && blockedAt < 0) {
				blockedAt = i + 1;
			}
		}
		long minutes = 1 + Duration.ofNanos(System.nanoTime() - started).toMinutes();
		int auditRows = count(jdbc, "SELECT count(*) FROM agw_audit_event WHERE source_address = ?", attacker);
		int counted = count(jdbc, "SELECT failures FROM agw_auth_failure WHERE source_address = ?", attacker);
		// Writes: one audit append per audited refusal, one upsert per counted failure.
		logger.info("1,000 refused requests from one source: blocked after {}; {} audit rows and {} counted "
				+ "failures, {} writes in all", blockedAt, auditRows, counted, auditRows + counted);
		assertThat(refused).isEqualTo(1000);
		assertThat(blockedAt).as("the 5th failure blocks, malformed tokens included").isEqualTo(5);
		assertThat(counted).as("a blocked source's refusals are not counted again").isEqualTo(5);
		assertThat(auditRows).as("5 refusals before the block, then one sample per minute")
			.isBetween(6, 5 + (int) minutes);
		assertThat(jdbc.queryForList("SELECT details FROM agw_audit_event WHERE source_address = ?"
				+ " AND reason = 'source_throttled' ORDER BY seq", String.class, attacker))
			.first()
			.satisfies((details) -> assertThat(details).contains("unauditedRefusals"));
	}

	@Test
	@Order(9)
	void pingWhenFailuresComeFromOneIpv6Slash64ThenTheWholeSlash64Blocked() {
		int blockedAt = -1;
		for (int i = 1; i <= 10 && blockedAt < 0; i++) {
			// A new address of the same /64 each time, as one host with a /64 can do.
			HttpResponse<String> response = ping(node1, garbage(i), "2001:db8:66:1::" + Integer.toHexString(i));
			if (response.statusCode() == 429) {
				blockedAt = i;
			}
		}
		assertThat(blockedAt).isEqualTo(5);
		assertThat(ping(node2, garbage(99), "2001:db8:66:1:ffff::1").statusCode()).isEqualTo(429);
		assertThat(ping(node2, garbage(99), "2001:db8:66:2::1").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(10)
	void pingWhenTokenTableUnreachableThenRefusedAsUnavailableNeverAccepted() throws InterruptedException {
		UUID agent = node1.createAgent("bob", "fail-closed-bot");
		String[] token = mint(node1, "bob", agent);
		assertThat(ping(node1, token[1], "198.51.100.10").statusCode()).isNotEqualTo(401);
		jdbc.execute("ALTER TABLE agw_token RENAME TO agw_token_away");
		try {
			for (LauncherNode node : List.of(node1, node2)) {
				HttpResponse<String> response = ping(node, token[1], "198.51.100.10");
				// The gateway cannot decide: 503, never a 401 that would blame the token.
				assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(response.body()).doesNotContain("agw_token").doesNotContain("SQL").doesNotContain(token[1]);
				// Audited off the request thread: the audit table is still there.
				awaitAudited(response);
				assertThat(auditOf(jdbc, response)).singleElement()
					.satisfies((e) -> assertThat(e).containsEntry("outcome", "DENIED")
						.containsEntry("reason", "cannot_decide"));
			}
		}
		finally {
			jdbc.execute("ALTER TABLE agw_token_away RENAME TO agw_token");
		}
		assertThat(ping(node2, token[1], "198.51.100.10").statusCode()).isNotEqualTo(401);
	}

	private static void awaitAudited(HttpResponse<String> response) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (auditOf(jdbc, response).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	@Test
	@Order(11)
	void introspectWhenAnySingleCharacterChangedThenRefusedWithoutTouchingTokenTable() {
		UUID agent = node1.createAgent("bob", "t2-bot");
		String[] token = mint(node1, "bob", agent);
		BearerTokenIntrospector introspector = IdentityCalls.introspector(node1);
		String source = "198.51.100.11";
		// Warm up (the first use writes last_used_at), then calibrate: what one valid
		// introspection does to the token table's scan counters.
		assertThat(introspect(introspector, token[1], source, "t2-warm"))
			.isInstanceOf(IntrospectionResult.Active.class);
		long base = IdentityCalls.settledTokenTableScans(jdbc, node1, node2);
		assertThat(introspect(introspector, token[1], source, "t2-calibrate"))
			.isInstanceOf(IntrospectionResult.Active.class);
		long before = IdentityCalls.settledTokenTableScans(jdbc, node1, node2);
		long perValid = before - base;
		assertThat(perValid).as("the counters see a real lookup").isPositive();

		String alphabet = "0aZ_9";
		int variants = 0;
		for (int i = 0; i < token[1].length(); i++) {
			for (char c : alphabet.toCharArray()) {
				if (token[1].charAt(i) == c) {
					continue;
				}
				String changed = token[1].substring(0, i) + c + token[1].substring(i + 1);
				IntrospectionResult result = introspect(introspector, changed, "192.0.2." + (i + 100), "t2-" + i + c);
				assertThat(result).as("position %d -> %s", i, c).isInstanceOf(IntrospectionResult.Rejected.class);
				variants++;
			}
		}
		// The positive control again, so the settled counters must move by exactly one
		// valid lookup: the variants added nothing.
		assertThat(introspect(introspector, token[1], source, "t2-control"))
			.isInstanceOf(IntrospectionResult.Active.class);
		assertThat(variants).isGreaterThan(150);
		assertThat(IdentityCalls.settledTokenTableScans(jdbc, node1, node2) - before).isEqualTo(perValid);
	}

	@Test
	@Order(12)
	void rateLimiterWhenTwoNodesEachDriveTwiceTheLimitThenClusterAdmitsAtMostTheLimit() throws Exception {
		int capacity = 10;
		double rate = 10.0;
		Duration runFor = Duration.ofSeconds(4);
		Duration interval = Duration.ofMillis(50);
		UUID agent = UUID.randomUUID();
		List<RateLimiterDriver> drivers = List.of(new RateLimiterDriver(node1, capacity),
				new RateLimiterDriver(node2, capacity));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			long started = System.nanoTime();
			List<Future<int[]>> results = new java.util.ArrayList<>();
			for (RateLimiterDriver driver : drivers) {
				results.add(pool.submit(() -> driver.drive(agent, started, runFor, interval)));
			}
			int admitted = 0;
			int refused = 0;
			for (Future<int[]> result : results) {
				int[] counts = result.get(30, TimeUnit.SECONDS);
				assertThat(counts[0]).as("each node admits some").isPositive();
				admitted += counts[0];
				refused += counts[1];
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			// Token bucket allowance over the run: the full bucket plus the refill.
			double allowance = capacity + rate * seconds;
			logger.info("R2: admitted {} of {} offered in {} s on two nodes; allowance {}", admitted,
					admitted + refused, String.format("%.2f", seconds), String.format("%.1f", allowance));
			assertThat(admitted + refused).as("offered: twice the limit per node")
				.isGreaterThanOrEqualTo((int) (2 * 2 * rate * runFor.toSeconds() * 0.9));
			assertThat((double) admitted).as("R2: admitted %d of %d in %.2f s", admitted, admitted + refused, seconds)
				.isLessThanOrEqualTo(allowance * 1.05);
			assertThat((double) admitted).as("the limiter admits what the refill allows")
				.isGreaterThanOrEqualTo(rate * runFor.toSeconds() * 0.8);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	@Order(20)
	void policyWhenChangedOnNodeOneThenNodeTwoUsesItAtOnceNotAfterItsCacheExpires() throws Exception {
		String original = node2.get("admin", API + "/policy").body();
		int connected = LauncherNode.json(node2.get("admin", API + "/policy")).get("connectedMinutes").asInt();
		try {
			// Three changes, each read on node two right before it is made: with only the
			// 5-second bound, a read within a second of the change would find the old
			// value about one time in five, so three in a row would be about one in a
			// hundred.
			for (int round = 1; round <= 3; round++) {
				assertThat(node2.get("admin", API + "/policy").statusCode()).isEqualTo(200);
				int wanted = connected + round;
				String changed = original.replaceFirst("\"connectedMinutes\":\\d+", "\"connectedMinutes\":" + wanted);
				long start = System.nanoTime();
				assertThat(IdentityCalls.put(node1, "admin", API + "/policy", changed).statusCode()).isEqualTo(200);
				while (LauncherNode.json(node2.get("admin", API + "/policy"))
					.get("connectedMinutes")
					.asInt() != wanted) {
					assertThat(Duration.ofNanos(System.nanoTime() - start))
						.as("node two still acts on the policy node one replaced")
						.isLessThan(Duration.ofSeconds(1));
					Thread.sleep(20);
				}
			}
		}
		finally {
			assertThat(IdentityCalls.put(node1, "admin", API + "/policy", original).statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(13)
	void annulWhenLifecycleEventThenEveryTokenOfTheOwnerRevokedAndReactivationResumesNothing() {
		UUID agent = node2.createAgent("alice", "annul-bot");
		String[] token = mint(node2, "alice", agent);
		assertThat(ping(node1, token[1], "198.51.100.13").statusCode()).isNotEqualTo(401);
		String owned = "SELECT count(*) FROM agw_token t JOIN agw_agent a ON a.id = t.agent_id"
				+ " WHERE a.owner_user_id = ?::uuid";
		int aliceTokens = count(jdbc, owned, LauncherNode.ALICE_ID.toString());
		assertThat(count(jdbc, owned + " AND t.status = 'SUSPENDED'", LauncherNode.ALICE_ID.toString()))
			.as("the token suspended by the sync earlier")
			.isPositive();

		assertThat(node2.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/annul", null).statusCode())
			.isEqualTo(200);
		try {
			assertThat(count(jdbc, owned + " AND t.status = 'REVOKED'", LauncherNode.ALICE_ID.toString()))
				.as("ANNULLED revokes active and suspended tokens alike")
				.isEqualTo(aliceTokens);
			assertThat(
					count(jdbc,
							"SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"
									+ " AND details LIKE '%lifecycle_event%' AND token_id = ?::uuid",
							token[0]))
				.isEqualTo(1);
		}
		finally {
			node2.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/reactivate", null);
		}
		assertThat(tokenStatus(jdbc, token[0])).isEqualTo("REVOKED");
		HttpResponse<String> refused = ping(node1, token[1], "198.51.100.13");
		assertRefused(refused);
		assertThat(auditOf(jdbc, refused)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "token_revoked")
				.containsEntry("owner_user_id", LauncherNode.ALICE_ID));
	}

	static IntrospectionResult introspect(BearerTokenIntrospector introspector, String token, String source,
			String requestId) {
		return introspector
			.introspect(new BearerTokenRequest(token, source, requestId, "POST", "/plugins/agent-gateway/mcp"));
	}

	/**
	 * The plugin's own {@code MybatisRateLimiter} class, loaded from the node's plugin
	 * class loader over a session factory the plugin builds on the node's own connection
	 * pool: one limiter per node, one shared database.
	 */
	static final class RateLimiterDriver {

		private final Object limiter;

		private final Object policy;

		private final java.lang.reflect.Method tryAcquire;

		RateLimiterDriver(LauncherNode node, int burstPerSecond) throws Exception {
			ClassLoader plugin = node.pluginHost().classLoader("agent-gateway").orElseThrow();
			Class<?> limiterClass = plugin.loadClass("com.launcher.agentgateway.persistence.MybatisRateLimiter");
			Class<?> policyClass = plugin.loadClass("com.launcher.agentgateway.policy.Policy");
			Object factory = plugin.loadClass("com.launcher.agentgateway.config.PersistenceConfiguration")
				.getMethod("sqlSessionFactory", DataSource.class, Duration.class)
				.invoke(null, node.context().getBean(DataSource.class), Duration.ofSeconds(4));
			Object sessions = plugin.loadClass("org.mybatis.spring.SqlSessionTemplate")
				.getConstructor(plugin.loadClass("org.apache.ibatis.session.SqlSessionFactory"))
				.newInstance(factory);
			this.limiter = limiterClass.getConstructor(plugin.loadClass("org.apache.ibatis.session.SqlSession"))
				.newInstance(sessions);
			// Burst bucket binding (burstPerSecond per second); sustained bucket far
			// above.
			this.policy = policyClass
				.getConstructor(int.class, int.class, int.class, int.class, int.class, int.class, int.class, int.class,
						boolean.class)
				.newInstance(90, 30, burstPerSecond, 1, 100_000, 200, 15, 24, false);
			this.tryAcquire = limiterClass.getMethod("tryAcquire", UUID.class, policyClass);
		}

		int[] drive(UUID agent, long started, Duration runFor, Duration interval) throws Exception {
			int admitted = 0;
			int refused = 0;
			long next = started;
			long end = started + runFor.toNanos();
			while (next < end) {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				Object decision = this.tryAcquire.invoke(this.limiter, agent, this.policy);
				if ((boolean) decision.getClass().getMethod("allowed").invoke(decision)) {
					admitted++;
				}
				else {
					refused++;
				}
				next += interval.toNanos();
			}
			return new int[] { admitted, refused };
		}

	}

	@Test
	@Order(90)
	void dumpWhenTablesHoldManyTokensThenNoTokenInAnyGatewayTable() {
		int tokens = count(jdbc, "SELECT count(*) FROM agw_token");
		assertThat(tokens).as("the dump has something to hide").isGreaterThanOrEqualTo(10);
		String dump = IdentityCalls.dumpGatewayTables(cluster);
		assertThat(dump).contains("== agw_token").contains("== agw_audit_event").contains("agw_\u2026");
		assertThat(IdentityCalls.MINTED).isNotEmpty();
		assertThat(IdentityCalls.leaks(dump)).isEmpty();
		assertThat(dump).doesNotContain(LauncherCluster.PEPPER).doesNotContain(cluster.sandbox().demoApiKey());
	}

	@Test
	@Order(99)
	void logWhenRunSoFarThenContainsNoToken() {
		String log = IdentityCalls.runLog();
		assertThat(log).as("the log captured the gateway's own lines").contains("Applied lifecycle event");
		assertThat(IdentityCalls.leaks(log)).isEmpty();
		assertThat(log).doesNotContain(LauncherCluster.PEPPER).doesNotContain(cluster.sandbox().demoApiKey());
	}

	static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
		assertThat(IdentityCalls.leaks(response.body())).isEmpty();
	}

	/** A token with a valid checksum that was never minted. */
	static String garbage(int seed) {
		return "agw_" + "x".repeat(31 - Integer.toString(seed).length()) + seed + "Z" + "AAAAAA";
	}

}
