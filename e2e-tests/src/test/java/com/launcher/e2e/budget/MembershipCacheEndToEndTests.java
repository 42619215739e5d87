package com.launcher.e2e.budget;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.budget.BudgetCalls.args;
import static com.launcher.e2e.budget.BudgetCalls.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners' memberships kept for a short bound (3 s here) and shared by two nodes: an
 * agent's reads within the bound cost no membership call; a membership removed in the
 * host's source is refused within the bound, not after it; a lifecycle event, a grant
 * change and a Tasker 404 for the project each drop what was kept, on every node.
 */
class MembershipCacheEndToEndTests {

	private static final Duration BOUND = Duration.ofSeconds(3);

	private static LauncherCluster cluster;

	private static LauncherNode node1;

	private static LauncherNode node2;

	private static JdbcTemplate jdbc;

	private static UUID web;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(2, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				// A budget that never makes a call wait: these tests time the bound.
				Map.of("agent-gateway.membership-cache.bound", "3s", "agent-gateway.tasker-budget.per-minute", 60_000,
						"agent-gateway.tasker-budget.burst", 1_000));
		node1 = cluster.node(0);
		node2 = cluster.node(1);
		jdbc = cluster.jdbc();
		BudgetCalls.liftLimits(node1);
		web = node1.projectId("alice", "WEB");
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void activeAgain() {
		setHostMembership("alice@launcher.local", true);
		cluster.sandbox().clearFaults();
	}

	@Test
	void readsWhenWithinTheBoundThenOneMembershipCallServesBothNodes() {
		String token = BudgetCalls.agent(node1, "alice", "kept-reader", web, "READ");
		jdbc.update("DELETE FROM agw_membership_cache");
		cluster.sandbox().clearJournal();

		for (LauncherNode node : new LauncherNode[] { node1, node2, node1, node2 }) {
			// A read whose answer names no people: a card's assignees and author are read
			// from the same member list as the membership (issue 15), and would be
			// counted.
			assertThat(errorCode(BudgetCalls.tool(node, token, "list_states", args("project_id", web.toString()))))
				.isNull();
		}

		assertThat(cluster.sandbox().journal()).filteredOn(MembershipCacheEndToEndTests::isMembersCall)
			.as("asked once, for both nodes")
			.hasSize(1);
	}

	@Test
	void readWhenTheOwnerIsRemovedInTheHostsSourceThenRefusedWithinTheBoundNotAfterIt() {
		String token = BudgetCalls.agent(node1, "alice", "removed-reader", web, "READ");
		assertThat(errorCode(read(node1, token))).isNull();

		long removed = System.nanoTime();
		setHostMembership("alice@launcher.local", false);
		String code = null;
		while (!"owner_not_member".equals(code)) {
			assertThat(System.nanoTime() - removed).as("refused within the bound")
				.isLessThan(BOUND.plusMillis(500).toNanos());
			code = errorCode(read(node2, token));
			assertThat(code).isIn(null, "owner_not_member");
		}
		assertThat(errorCode(read(node1, token))).as("and on the other node").isEqualTo("owner_not_member");
	}

	@Test
	void lifecycleEventWhenTheOwnerIsBlockedAndReactivatedThenTheirKeptAnswersAreGoneAtOnce() {
		String token = BudgetCalls.agent(node1, "alice", "lifecycle-reader", web, "READ");
		assertThat(errorCode(read(node1, token))).isNull();
		assertThat(kept("alice@launcher.local")).isEqualTo(1);

		assertThat(node1.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/block", null).statusCode())
			.isEqualTo(200);
		assertThat(kept("alice@launcher.local")).as("dropped on the event, not left to expire").isZero();
		assertThat(
				node1.post("admin", "/launcher/api/users/" + LauncherNode.ALICE_ID + "/reactivate", null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void grantWhenAProjectsGrantChangesThenItsKeptAnswersAreGone() {
		String token = BudgetCalls.agent(node1, "bob", "grant-reader", web, "READ");
		assertThat(errorCode(read(node2, token))).isNull();
		assertThat(kept("bob@launcher.local")).isEqualTo(1);

		UUID other = node1.createAgent("alice", "grant-changer");
		node2.grant("alice", other, web, "READ");

		assertThat(kept("bob@launcher.local")).as("every answer about WEB").isZero();
	}

	@Test
	void readWhenTaskerAnswers404ForTheProjectThenItsKeptAnswersAreGone() {
		String token = BudgetCalls.agent(node1, "bob", "missing-reader", web, "READ");
		assertThat(errorCode(read(node1, token))).isNull();
		assertThat(kept("bob@launcher.local")).isEqualTo(1);

		cluster.sandbox().failNext(1, 404, "{\"error\":\"The requested resource does not exist.\"}");
		assertThat(errorCode(read(node1, token))).isEqualTo("not_found");

		assertThat(kept("bob@launcher.local")).isZero();
	}

	private static JsonNode read(LauncherNode node, String token) {
		return BudgetCalls.tool(node, token, "get_work_item",
				args("project_id", web.toString(), "work_item_id", "WEB-1"));
	}

	private static int kept(String email) {
		Integer count = jdbc.queryForObject(
				"SELECT count(*) FROM agw_membership_cache WHERE email = ? AND project_id = ?", Integer.class, email,
				web);
		return (count != null) ? count : 0;
	}

	private static boolean isMembersCall(JournalEntry entry) {
		return entry.method().equals("GET") && entry.path().endsWith("/members/");
	}

	private static void setHostMembership(String email, boolean active) {
		HttpResponse<String> response = node1.send(node1.as("admin", "/launcher/api/tasker-memberships")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"workspace\":\"demo\",\"projectId\":\"" + web
					+ "\",\"email\":\"" + email + "\",\"active\":" + active + "}")));
		assertThat(response.statusCode()).isEqualTo(200);
	}

}
