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
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.identity.IdentityCalls.PING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 point 7: tokens minted under the old pepper keep working after a new pepper
 * becomes current, each moves to the new pepper on its first use (one extra lookup and
 * one update, once), a query shows what still depends on the old pepper, and retiring it
 * refuses exactly what was never used since.
 */
class PepperRotationEndToEndTests {

	private static final String NEW_PEPPER = "e2e-pepper-v2-fedcba9876543210fedcba9876543210";

	private static final Map<String, Object> QUIET = Map.of("agent-gateway.owner-sync-interval", "PT10M");

	private static LauncherCluster cluster;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1, SandboxOptions.forTests(), QUIET);
		jdbc = cluster.jdbc();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void rotateWhenTokensWereMintedUnderTheOldPepperThenTheyWorkMoveOnFirstUseAndTheRestAreCounted() {
		LauncherNode before = cluster.node();
		UUID agent = before.createAgent("alice", "rotation-bot");
		String[] used = before.mint("alice", agent);
		String[] idle = before.mint("alice", agent);
		String[] forgotten = before.mint("alice", agent);
		assertThat(before.mcp(used[1], PING).statusCode()).isEqualTo(200);
		assertThat(before.mcp(idle[1], PING).statusCode()).isEqualTo(200);
		before.close();

		// Step 2 of the runbook, on a single node: the new pepper is current, the old one
		// still accepted.
		LauncherNode rotated = cluster.addNode(List.of(LauncherCluster.pluginZip()),
				Map.of("launcher.secrets.agent-gateway.token-pepper.v2", NEW_PEPPER,
						"agent-gateway.token-pepper.current", "v2", "agent-gateway.token-pepper.previous", "default"));
		assertThat(pepperOf(used[0])).isEqualTo("default");
		assertThat(rotated.mcp(used[1], PING).statusCode()).isEqualTo(200);
		assertThat(pepperOf(used[0])).as("moved on its first use").isEqualTo("v2");
		String[] fresh = rotated.mint("alice", agent);
		assertThat(pepperOf(fresh[0])).isEqualTo("v2");
		assertThat(rotated.mcp(fresh[1], PING).statusCode()).isEqualTo(200);

		// The cost, counted on the token table: the first use after the rotation looks
		// the token up under both peppers and moves it; every later use is one lookup.
		// The token was "just used" from this address, so no last-used write interferes.
		jdbc.update("UPDATE agw_token SET last_used_at = now(), last_used_ip = '127.0.0.1' WHERE id = ?::uuid",
				idle[0]);
		long base = IdentityCalls.settledTokenTableScans(jdbc, rotated);
		assertThat(rotated.mcp(idle[1], PING).statusCode()).isEqualTo(200);
		long firstUse = IdentityCalls.settledTokenTableScans(jdbc, rotated);
		assertThat(rotated.mcp(idle[1], PING).statusCode()).isEqualTo(200);
		long secondUse = IdentityCalls.settledTokenTableScans(jdbc, rotated);
		assertThat(firstUse - base).as("two lookups and the move").isEqualTo(3);
		assertThat(secondUse - firstUse).as("one lookup").isEqualTo(1);

		// The runbook's query: what still depends on the old pepper.
		assertThat(jdbc.queryForList(
				"SELECT pepper_kid, count(*) AS tokens FROM agw_token WHERE status = 'ACTIVE' AND expires_at > now()"
						+ " GROUP BY pepper_kid ORDER BY pepper_kid"))
			.containsExactly(Map.of("pepper_kid", "default", "tokens", 1L), Map.of("pepper_kid", "v2", "tokens", 3L));
		rotated.close();

		// Step 3: the old pepper retired. What moved works; the one token never used
		// since the rotation is unknown now, as the query said it would be.
		LauncherNode retired = cluster.addNode(List.of(LauncherCluster.pluginZip()),
				Map.of("launcher.secrets.agent-gateway.token-pepper.v2", NEW_PEPPER,
						"agent-gateway.token-pepper.current", "v2"));
		for (String[] token : List.of(used, idle, fresh)) {
			assertThat(retired.mcp(token[1], PING).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = retired.mcp(forgotten[1], PING);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(IdentityCalls.auditOf(jdbc, refused)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("reason", "unknown_token"));
	}

	private static String pepperOf(String tokenId) {
		return jdbc.queryForObject("SELECT pepper_kid FROM agw_token WHERE id = ?::uuid", String.class, tokenId);
	}

}
