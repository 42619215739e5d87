package com.launcher.e2e.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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

	private static LauncherCluster cluster;

	private static LauncherNode node1;

	private static LauncherNode node2;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(2,
				SandboxOptions.forTests().withRateLimit(1_000_000, java.time.Duration.ofMinutes(1)),
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
	void blockWhenLifecycleEventSuppressedThenNextRequestRefusedAndRequestTimeCascadeSuspends() {
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
	@Order(10)
	void pingWhenTokenTableUnreachableThenRefusedNeverAccepted() {
		UUID agent = node1.createAgent("bob", "fail-closed-bot");
		String[] token = mint(node1, "bob", agent);
		assertThat(ping(node1, token[1], "198.51.100.10").statusCode()).isNotEqualTo(401);
		jdbc.execute("ALTER TABLE agw_token RENAME TO agw_token_away");
		try {
			for (LauncherNode node : List.of(node1, node2)) {
				HttpResponse<String> response = ping(node, token[1], "198.51.100.10");
				assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
				assertThat(response.body()).doesNotContain("agw_token").doesNotContain("SQL").doesNotContain(token[1]);
				// Audited when possible: the audit table is still there.
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

	@Test
	@Order(90)
	void dumpWhenTablesHoldManyTokensThenNoTokenInAnyGatewayTable() {
		int tokens = count(jdbc, "SELECT count(*) FROM agw_token");
		assertThat(tokens).as("the dump has something to hide").isGreaterThanOrEqualTo(10);
		String dump = IdentityCalls.dumpGatewayTables(cluster);
		assertThat(dump).contains("== agw_token").contains("== agw_audit_event").contains("agw_\u2026");
		assertThat(IdentityCalls.MINTED).isNotEmpty();
		assertThat(IdentityCalls.leaks(dump)).isEmpty();
	}

	@Test
	@Order(99)
	void logWhenRunSoFarThenContainsNoToken() {
		String log = IdentityCalls.runLog();
		assertThat(log).as("the log captured the gateway's own lines").contains("Applied lifecycle event");
		assertThat(IdentityCalls.leaks(log)).isEmpty();
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
