package com.launcher.e2e;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin zip in a real reference host: loaded through PF4J, started, serving
 * its route and page, with its own tables, hearing lifecycle events, and surviving stop,
 * start and reload with a new class loader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginLifecycleEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	@Order(1)
	void pluginsWhenHostStartedThenGatewayIsStarted() {
		HttpResponse<String> response = node.get("alice", "/launcher/api/plugins");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"agent-gateway\"").contains("\"state\":\"STARTED\"");
	}

	@Test
	@Order(2)
	void statusRouteWhenStartedThenAnswers() {
		HttpResponse<String> response = node.get("alice", "/plugins/agent-gateway/status");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	@Order(3)
	void pageWhenSignedInThenRendersWithLayoutFragment() {
		HttpResponse<String> response = node.get("alice", "/plugins/agent-gateway/");
		assertThat(response.statusCode()).isEqualTo(200);
		// Title from the head fragment, brand from the header fragment, text from the
		// footer fragment.
		assertThat(response.body()).contains("My agents · Agent Gateway")
			.contains("class=\"topbar\"")
			.contains("is data, not instructions")
			.contains("Alice Liddell");
	}

	@Test
	@Order(4)
	void migrationWhenPluginStartedThenOwnTablesExistWithOwnChangelog() {
		assertThat(cluster.jdbc().queryForObject("SELECT to_regclass('agw_agent') IS NOT NULL", Boolean.class))
			.isTrue();
		assertThat(cluster.jdbc().queryForObject("SELECT count(*) FROM agw_databasechangelog", Integer.class))
			.isGreaterThanOrEqualTo(3);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT to_regclass('launcher_databasechangelog') IS NOT NULL", Boolean.class)).isTrue();
	}

	@Test
	@Order(5)
	void blockWhenHostAnnouncesItThenPluginListenerSuspendsTokens() {
		UUID agent = node.createAgent("bob", "lifecycle-bot");
		String[] token = node.mint("bob", agent);
		HttpResponse<String> block = node.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/block", null);
		assertThat(block.statusCode()).isEqualTo(200);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT status FROM agw_token WHERE id = ?::uuid", String.class, token[0]))
			.isEqualTo("SUSPENDED");
		assertThat(cluster.jdbc()
			.queryForObject(
					"SELECT count(*) FROM agw_audit_event WHERE action = 'owner.cascade'"
							+ " AND details LIKE '%lifecycle_event%' AND agent_id = ?::uuid",
					Integer.class, agent.toString()))
			.isEqualTo(1);
		node.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/reactivate", null);
	}

	@Test
	@Order(6)
	void stopStartReloadWhenAdminThenRoutesFollowAndReloadUsesNewClassLoader() {
		ClassLoader before = node.pluginHost().classLoader("agent-gateway").orElseThrow();
		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/stop", null).statusCode()).isEqualTo(200);
		HttpResponse<String> stopped = node.get("alice", "/plugins/agent-gateway/status");
		assertThat(stopped.statusCode()).as(stopped.headers() + " " + stopped.body()).isEqualTo(404);
		HttpResponse<String> stoppedMcp = node.mcp("agw_whatever", "{}");
		assertThat(stoppedMcp.statusCode()).as(stoppedMcp.body()).isEqualTo(401);
		assertThat(stoppedMcp.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
		assertThat(node.post("admin", "/launcher/api/plugins/agent-gateway/start", null).statusCode()).isEqualTo(200);
		assertThat(node.get("alice", "/plugins/agent-gateway/status").statusCode()).isEqualTo(200);
		HttpResponse<String> reload = node.post("admin", "/launcher/api/plugins/agent-gateway/reload", null);
		assertThat(reload.statusCode()).isEqualTo(200);
		assertThat(reload.body()).contains("\"state\":\"STARTED\"");
		assertThat(node.get("alice", "/plugins/agent-gateway/status").statusCode()).isEqualTo(200);
		assertThat(node.get("alice", "/plugins/agent-gateway/").body()).contains("My agents");
		ClassLoader after = node.pluginHost().classLoader("agent-gateway").orElseThrow();
		assertThat(after).isNotSameAs(before);
	}

}
