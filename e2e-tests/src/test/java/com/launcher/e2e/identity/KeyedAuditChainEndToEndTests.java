package com.launcher.e2e.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.host.plugin.PluginHost.PluginInfo;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed audit chain in the built plugin (issue 12 point 7), against someone who can
 * write PostgreSQL but cannot use the host's key: an event edited and the chain computed
 * again the way the plugin linked it before 0.4 (SHA-256, in SQL), and a prefix deleted
 * with the retention's anchor moved after it. The admin's verification reports both. And
 * the whole chain rewritten with plain links and its keyed start cleared (what an
 * installation upgraded from 0.3 looks like too): a restart keys it only with the
 * operator's consent.
 */
class KeyedAuditChainEndToEndTests {

	private static final String TAIL = AuditChainSql.TAIL;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of());
		node = cluster.node();
		jdbc = cluster.jdbc();
		for (int i = 0; i < 6; i++) {
			node.createAgent("alice", "keyed-" + i);
		}
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@BeforeEach
	void save() {
		jdbc.execute("CREATE TABLE saved_event AS SELECT * FROM agw_audit_event");
		jdbc.execute("CREATE TABLE saved_head AS SELECT * FROM agw_audit_head");
		jdbc.execute("CREATE TABLE saved_anchor AS SELECT * FROM agw_audit_anchor");
		assertThat(verify().get("intact").asBoolean()).isTrue();
	}

	@AfterEach
	void restore() {
		jdbc.execute("DELETE FROM agw_audit_event; INSERT INTO agw_audit_event SELECT * FROM saved_event;"
				+ " DELETE FROM agw_audit_head; INSERT INTO agw_audit_head SELECT * FROM saved_head;"
				+ " DELETE FROM agw_audit_anchor; INSERT INTO agw_audit_anchor SELECT * FROM saved_anchor;"
				+ " DROP TABLE saved_event; DROP TABLE saved_head; DROP TABLE saved_anchor");
		assertThat(verify().get("intact").asBoolean()).isTrue();
	}

	@Test
	void verifyWhenAnEventIsEditedAndTheChainRecomputedTheOldWayThenReportsThatEvent() {
		long first = jdbc.queryForObject("SELECT min(seq) FROM agw_audit_event", Long.class);
		long last = jdbc.queryForObject("SELECT max(seq) FROM agw_audit_event", Long.class);
		long edited = first + (last - first) / 2;
		// The canonical form in SQL is right: with the key, it gives the stored link.
		assertThat(jdbc.queryForObject("SELECT hash FROM agw_audit_event WHERE seq = ?", byte[].class, edited))
			.isEqualTo(keyedLink(edited));

		jdbc.update("UPDATE agw_audit_event SET reason = 'nothing to see' WHERE seq = ?", edited);
		byte[] previous = jdbc.queryForObject("SELECT prev_hash FROM agw_audit_event WHERE seq = ?", byte[].class,
				edited);
		for (long seq = edited; seq <= last; seq++) {
			previous = jdbc.queryForObject("UPDATE agw_audit_event SET prev_hash = ?,"
					+ " hash = sha256(? || convert_to(CAST(seq AS text) || chr(31) || " + TAIL + ", 'UTF8'))"
					+ " WHERE seq = ? RETURNING hash", byte[].class, previous, previous, seq);
		}
		jdbc.update("UPDATE agw_audit_head SET last_hash = ? WHERE last_seq = ?", previous, last);

		JsonNode broken = verify();
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(edited);
		assertThat(broken.get("keyed").get("fromSeq").asLong()).isEqualTo(1);
		assertThat(broken.path("unkeyed").isNull() || broken.path("unkeyed").isMissingNode()).isTrue();
		assertThat(node.get("admin", "/plugins/agent-gateway/admin/audit?verify=true").body())
			.contains("The audit chain is broken at event " + edited);
	}

	@Test
	void verifyWhenAPrefixIsDeletedAndTheAnchorMovedThenReportsThePositionAfterIt() {
		long cut = jdbc.queryForObject("SELECT min(seq) + 2 FROM agw_audit_event", Long.class);
		byte[] hash = jdbc.queryForObject("SELECT hash FROM agw_audit_event WHERE seq = ?", byte[].class, cut);

		jdbc.update("DELETE FROM agw_audit_event WHERE seq <= ?", cut);
		jdbc.update("INSERT INTO agw_audit_anchor (id, seq, hash, pruned_events, pruned_at) VALUES (1, ?, ?, ?, now())"
				+ " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash", cut, hash, cut);

		JsonNode broken = verify();
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(cut + 1);
		assertThat(broken.get("prunedThroughSeq").asLong()).isEqualTo(cut);
	}

	@Test
	void startWhenTheChainHasPlainLinksAndNoKeyedStartThenTheGatewayStartsOnlyWithTheOperatorsConsent() {
		long last = jdbc.queryForObject("SELECT max(seq) FROM agw_audit_event", Long.class);
		// Every link made again the way 0.3 made them, from the plain genesis, and the
		// keyed start cleared: a chain that reads as an older version's.
		byte[] previous = new byte[32];
		for (long seq = 1; seq <= last; seq++) {
			previous = jdbc.queryForObject("UPDATE agw_audit_event SET prev_hash = ?,"
					+ " hash = sha256(? || convert_to(CAST(seq AS text) || chr(31) || " + TAIL + ", 'UTF8'))"
					+ " WHERE seq = ? RETURNING hash", byte[].class, previous, previous, seq);
		}
		jdbc.update("UPDATE agw_audit_head SET last_hash = ?, keyed_from = NULL", previous);

		LauncherNode refused = cluster.addNode(List.of(LauncherCluster.pluginZip()));
		assertThat(gateway(refused).state()).isEqualTo("FAILED");
		assertThat(gateway(refused).failure()).contains("agent-gateway.audit.key-existing-chain=true")
			.contains("position " + last);
		assertThat(jdbc.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isNull();

		LauncherNode consented = cluster.addNode(List.of(LauncherCluster.pluginZip()),
				Map.of("agent-gateway.audit.key-existing-chain", true));
		assertThat(gateway(consented).state()).isEqualTo("STARTED");
		assertThat(jdbc.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isEqualTo(last);
		consented.createAgent("alice", "keyed-after-consent");

		// The rewritten part now shows as an unkeyed range where there was none.
		JsonNode keyed = verify();
		assertThat(keyed.get("intact").asBoolean()).isTrue();
		assertThat(keyed.get("unkeyed").get("fromSeq").asLong()).isEqualTo(1);
		assertThat(keyed.get("unkeyed").get("toSeq").asLong()).isEqualTo(last);
		assertThat(keyed.get("keyed").get("fromSeq").asLong()).isEqualTo(last + 1);
		consented.close();
		refused.close();
	}

	private static PluginInfo gateway(LauncherNode node) {
		return node.pluginHost()
			.plugins()
			.stream()
			.filter((plugin) -> plugin.id().equals("agent-gateway"))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode verify() {
		return LauncherNode.json(node.get("admin", LauncherNode.API + "/audit/verify"));
	}

	/** The stored event's link under the cluster's key, as the plugin computes it. */
	private static byte[] keyedLink(long seq) {
		byte[] previous = jdbc.queryForObject("SELECT prev_hash FROM agw_audit_event WHERE seq = ?", byte[].class, seq);
		return AuditChainSql.keyedLink(jdbc, previous, seq);
	}

}
