package com.launcher.e2e.identity;

import java.time.Duration;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit retention in the built plugin: events older than the retention are deleted
 * from the start of the chain soon after the plugin starts, newer ones stay, and the
 * admin's verification still finds the chain intact, from where it was cut.
 */
class AuditRetentionEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.audit.retention", "30d", "agent-gateway.audit.prune-interval", "1h"));
		node = cluster.node();
		jdbc = cluster.jdbc();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void retentionWhenEventsAreOlderThanItThenTheyGoAndTheChainStillVerifiesFromTheCut() throws Exception {
		for (int i = 0; i < 6; i++) {
			node.createAgent("alice", "retention-" + i);
		}
		long last = jdbc.queryForObject("SELECT max(seq) FROM agw_audit_event", Long.class);
		long cut = last - 3;
		// What 40 days of age looks like, linked again with the cluster's key as the
		// plugin would have linked such events: the retention checks the links of what it
		// deletes, so backdating without the key deletes nothing (KeyedAuditChainTests).
		jdbc.update("UPDATE agw_audit_event SET occurred_at = occurred_at - interval '40 days' WHERE seq <= ?", cut);
		AuditChainSql.relinkWithKey(jdbc, jdbc.queryForObject("SELECT min(seq) FROM agw_audit_event", Long.class));

		// A restarted plugin runs its first pass a few seconds after it starts.
		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/reload", null).statusCode()).isEqualTo(200);
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (jdbc.queryForObject("SELECT count(*) FROM agw_audit_event WHERE seq <= ?", Long.class, cut) > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(200);
		}

		assertThat(jdbc.queryForObject("SELECT count(*) FROM agw_audit_event WHERE seq <= ?", Long.class, cut))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT min(seq) FROM agw_audit_event", Long.class)).isEqualTo(cut + 1);
		JsonNode verified = LauncherNode.json(node.get("admin", LauncherNode.API + "/audit/verify"));
		assertThat(verified.get("intact").asBoolean()).isTrue();
		assertThat(verified.get("prunedThroughSeq").asLong()).isEqualTo(cut);
		assertThat(node.get("admin", "/plugins/agent-gateway/admin/audit?verify=true").body())
			.contains("The audit chain is intact")
			.contains("Checked from position " + (cut + 1));
	}

}
