package com.launcher.e2e.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.TableScans;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.launcher.e2e.identity.IdentityCalls.API;
import static com.launcher.e2e.identity.IdentityCalls.auditOf;
import static com.launcher.e2e.identity.IdentityCalls.count;
import static com.launcher.e2e.identity.IdentityCalls.mint;
import static com.launcher.e2e.identity.IdentityCalls.put;
import static com.launcher.e2e.identity.IdentityCalls.tokenStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of issue 4 on one host: the authorisation matrix, bad input answered with
 * problem details and nothing stored, one audit event per admin action (A1), the audit
 * chain catching an edited row, keyset pagination and exports, and the per-agent limit on
 * the MCP endpoint (R1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayApiEndToEndTests {

	private static final String DEFAULT_POLICY = "{\"maxTokenDays\":90,\"defaultTokenDays\":30,\"burstRequests\":20,"
			+ "\"burstSeconds\":10,\"requestsPerMinute\":120,\"writesPerDay\":200,\"connectedMinutes\":15,"
			+ "\"staleHours\":24,\"reportingMode\":false}";

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static JdbcTemplate jdbc;

	private static UUID bobAgent;

	private static String[] bobToken;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1,
				SandboxOptions.forTests().withRateLimit(1_000_000, java.time.Duration.ofMinutes(1)),
				IdentityCalls.PROPERTIES);
		node = cluster.node();
		jdbc = cluster.jdbc();
		bobAgent = node.createAgent("bob", "bobs-bot");
		node.grant("bob", bobAgent, node.projectId("bob", "WEB"), "READ");
		bobToken = mint(node, "bob", bobAgent);
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void agentApiWhenAliceActsOnBobsAgentThenNotFoundAndNothingChanges() {
		String agentPath = API + "/agents/" + bobAgent;
		UUID grantId = UUID
			.fromString(LauncherNode.json(node.get("bob", agentPath + "/grants")).get(0).get("id").asString());
		UUID aliceWeb = node.projectId("alice", "WEB");
		int tokensBefore = count(jdbc, "SELECT count(*) FROM agw_token");
		int grantsBefore = count(jdbc, "SELECT count(*) FROM agw_grant");

		List<HttpResponse<String>> attempts = List.of(node.get("alice", agentPath),
				node.get("alice", agentPath + "/grants"), node.get("alice", agentPath + "/tokens"),
				node.post("alice", agentPath + "/grants",
						"{\"workspace\":\"demo\",\"projectId\":\"" + aliceWeb + "\",\"access\":\"WRITE\"}"),
				IdentityCalls.delete(node, "alice", agentPath + "/grants/" + grantId),
				node.post("alice", agentPath + "/tokens", "{\"expiresInDays\":1}"),
				node.post("alice", agentPath + "/tokens/" + bobToken[0] + "/revoke", null),
				node.post("alice", agentPath + "/tokens/" + bobToken[0] + "/rotate", null),
				node.post("alice", agentPath + "/disable", null));
		for (HttpResponse<String> attempt : attempts) {
			assertThat(attempt.statusCode()).as(attempt.uri() + " " + attempt.body()).isEqualTo(404);
			assertThat(LauncherNode.json(attempt).get("code").asString()).isEqualTo("not_found");
			assertThat(attempt.body()).doesNotContain("bobs-bot");
		}
		assertThat(node.get("alice", API + "/agents?all=true").statusCode()).isEqualTo(403);
		assertThat(node.get("alice", API + "/agents").body()).doesNotContain(bobAgent.toString());

		assertThat(tokenStatus(jdbc, bobToken[0])).isEqualTo("ACTIVE");
		assertThat(jdbc.queryForObject("SELECT status FROM agw_agent WHERE id = ?", String.class, bobAgent))
			.isEqualTo("ENABLED");
		assertThat(count(jdbc, "SELECT count(*) FROM agw_token")).isEqualTo(tokensBefore);
		assertThat(count(jdbc, "SELECT count(*) FROM agw_grant")).isEqualTo(grantsBefore);
		// A platform admin manages every agent.
		assertThat(node.get("admin", agentPath).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void grantWhenBobAsksForOpsThenForbiddenNotGrantableAndAuditedOnce() {
		UUID ops = node.projectId("alice", "OPS");
		List<String> bobsProjects = new ArrayList<>();
		LauncherNode.json(node.get("bob", API + "/tasker/projects?workspace=demo"))
			.forEach((p) -> bobsProjects.add(p.get("identifier").asString()));
		assertThat(bobsProjects).containsExactly("WEB");
		int grantsBefore = count(jdbc, "SELECT count(*) FROM agw_grant");
		HttpResponse<String> response = node.post("bob", API + "/agents/" + bobAgent + "/grants",
				"{\"workspace\":\"demo\",\"projectId\":\"" + ops + "\",\"access\":\"READ\"}");
		assertProblem(response, 403, "project_not_grantable", "projectId");
		assertThat(count(jdbc, "SELECT count(*) FROM agw_grant")).isEqualTo(grantsBefore);
		assertThat(auditOf(jdbc, response)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "grant.create")
				.containsEntry("outcome", "DENIED")
				.containsEntry("reason", "owner_not_member")
				.containsEntry("agent_id", bobAgent)
				.containsEntry("owner_user_id", LauncherNode.BOB_ID));
	}

	@Test
	@Order(3)
	void policyAndAuditWhenNotAdminThenForbiddenAndAdminAllowed() {
		String before = node.get("alice", API + "/policy").body();
		assertProblem(put(node, "alice", API + "/policy",
				DEFAULT_POLICY.replace("\"maxTokenDays\":90", "\"maxTokenDays\":365")), 403, "forbidden", null);
		assertThat(node.get("admin", API + "/policy").body()).isEqualTo(before);
		HttpResponse<String> adminPut = put(node, "admin", API + "/policy", DEFAULT_POLICY);
		assertThat(adminPut.statusCode()).as(adminPut.body()).isEqualTo(200);
		assertThat(auditOf(jdbc, adminPut)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "policy.update")
				.containsEntry("outcome", "SUCCEEDED"));

		assertProblem(node.get("alice", API + "/audit?ownerUserId=" + LauncherNode.BOB_ID), 403, "forbidden", null);
		assertProblem(node.get("alice", API + "/audit/verify"), 403, "forbidden", null);
		JsonNode aliceView = LauncherNode.json(node.get("alice", API + "/audit?limit=100")).get("events");
		for (JsonNode event : aliceView) {
			assertThat(event.get("ownerUserId").asString()).isEqualTo(LauncherNode.ALICE_ID.toString());
		}
		JsonNode bobsEvents = LauncherNode.json(node.get("admin", API + "/audit?ownerUserId=" + LauncherNode.BOB_ID))
			.get("events");
		assertThat(bobsEvents.size()).isPositive();
		JsonNode bobsOwnView = LauncherNode.json(node.get("bob", API + "/audit")).get("events");
		assertThat(bobsOwnView.size()).isEqualTo(bobsEvents.size());
		assertThat(LauncherNode.json(node.get("admin", API + "/audit/verify")).get("intact").asBoolean()).isTrue();
	}

	@Test
	@Order(4)
	void restApiWhenCalledWithAgentTokenThenUnauthorized() {
		for (String path : List.of(API + "/agents", API + "/agents/" + bobAgent + "/tokens", API + "/audit",
				API + "/policy")) {
			HttpResponse<String> response = node
				.send(node.anonymous(path).header("Authorization", "Bearer " + bobToken[1]).GET());
			assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(401);
			assertThat(response.body()).doesNotContain(bobAgent.toString()).doesNotContain(bobToken[1]);
		}
		HttpResponse<String> mint = node.send(node.anonymous(API + "/agents/" + bobAgent + "/tokens")
			.header("Authorization", "Bearer " + bobToken[1])
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"expiresInDays\":1}")));
		assertThat(mint.statusCode()).isEqualTo(401);
	}

	@Test
	@Order(5)
	void adminActionsWhenSucceededThenEachLeavesExactlyOneAuditEventNamingAgentAndOwner() {
		HttpResponse<String> create = node.post("alice", API + "/agents", "{\"name\":\"a1-bot\"}");
		UUID agent = UUID.fromString(LauncherNode.json(create).get("id").asString());
		String path = API + "/agents/" + agent;
		HttpResponse<String> grant = node.post("alice", path + "/grants", "{\"workspace\":\"demo\",\"projectId\":\""
				+ node.projectId("alice", "OPS") + "\",\"access\":\"WRITE\"}");
		String grantId = LauncherNode.json(grant).get("id").asString();
		HttpResponse<String> mint = node.post("alice", path + "/tokens", "{\"expiresInDays\":5}");
		IdentityCalls.MINTED.add(LauncherNode.json(mint).get("token").asString());
		String tokenId = LauncherNode.json(mint).get("id").asString();
		HttpResponse<String> rotate = node.post("alice", path + "/tokens/" + tokenId + "/rotate", null);
		IdentityCalls.MINTED.add(LauncherNode.json(rotate).get("token").asString());
		String successor = LauncherNode.json(rotate).get("id").asString();
		HttpResponse<String> revoke = node.post("alice", path + "/tokens/" + successor + "/revoke", null);
		HttpResponse<String> disable = node.post("alice", path + "/disable", null);
		HttpResponse<String> enable = node.post("admin", path + "/enable", null);
		HttpResponse<String> ungrant = IdentityCalls.delete(node, "alice", path + "/grants/" + grantId);

		Map<String, HttpResponse<String>> actions = new java.util.LinkedHashMap<>();
		actions.put("agent.create", create);
		actions.put("grant.create", grant);
		actions.put("token.mint", mint);
		actions.put("token.rotate", rotate);
		actions.put("token.revoke", revoke);
		actions.put("agent.disable", disable);
		actions.put("agent.enable", enable);
		actions.put("grant.delete", ungrant);
		actions.forEach((action, response) -> {
			assertThat(response.statusCode()).as(action + " " + response.body()).isBetween(200, 204);
			assertThat(auditOf(jdbc, response)).as(action).singleElement().satisfies((e) -> {
				assertThat(e).containsEntry("action", action)
					.containsEntry("outcome", "SUCCEEDED")
					.containsEntry("agent_id", agent)
					.containsEntry("owner_user_id", LauncherNode.ALICE_ID);
			});
		});
		// Reads leave no event; the admin's action names the admin as actor.
		assertThat(auditOf(jdbc, node.get("alice", path))).isEmpty();
		// S1: after the mint response, the secret is nowhere in what the API shows.
		HttpResponse<String> listed = node.get("alice", path + "/tokens");
		assertThat(listed.body()).contains(tokenId).contains("agw_\u2026");
		assertThat(IdentityCalls.leaks(listed.body() + node.get("alice", path).body()
				+ node.get("admin", API + "/audit?agentId=" + agent + "&format=jsonl").body()))
			.isEmpty();
		assertThat(mint.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		assertThat(jdbc.queryForObject("SELECT actor_id FROM agw_audit_event WHERE request_id = ?", String.class,
				IdentityCalls.requestId(enable)))
			.isEqualTo(LauncherNode.ADMIN_ID.toString());
	}

	@Test
	@Order(6)
	void createWhenInputBadThenProblemDetailsNamingFieldAndNothingStored() {
		int agents = count(jdbc, "SELECT count(*) FROM agw_agent");
		int tokens = count(jdbc, "SELECT count(*) FROM agw_token");
		int grants = count(jdbc, "SELECT count(*) FROM agw_grant");

		assertProblem(node.post("bob", API + "/agents", "{\"name\": \"half"), 400, "malformed_request", null);
		assertProblem(node.post("bob", API + "/agents", "[\"name\"]"), 400, "malformed_request", null);
		assertProblem(node.post("bob", API + "/agents", "{\"name\":\"x\",\"colour\":\"red\"}"), 400,
				"validation_failed", "colour");
		assertProblem(node.post("bob", API + "/agents", "{\"name\":\"" + "n".repeat(81) + "\"}"), 400,
				"validation_failed", "name");
		assertProblem(node.post("bob", API + "/agents", "{\"name\":42}"), 400, "validation_failed", "name");
		String tokens4 = API + "/agents/" + bobAgent + "/tokens";
		assertProblem(node.post("bob", tokens4, "{\"expiresInDays\":91}"), 400, "token_expiry_too_long",
				"expiresInDays");
		assertProblem(node.post("bob", tokens4, "{\"expiresInDays\":0}"), 400, "validation_failed", "expiresInDays");
		assertProblem(node.post("bob", tokens4, "{\"expiresInDays\":\"7\"}"), 400, "validation_failed",
				"expiresInDays");
		assertProblem(node.post("bob", tokens4, "{\"expiresInDays\":7,\"allowedCidrs\":[\"10.0.0.0/99\"]}"), 400,
				"validation_failed", "allowedCidrs");
		String grants4 = API + "/agents/" + bobAgent + "/grants";
		assertProblem(
				node.post("bob", grants4,
						"{\"workspace\":\"demo\",\"projectId\":\"" + UUID.randomUUID() + "\",\"access\":\"READ\"}"),
				403, "project_not_grantable", "projectId");
		assertProblem(node.post("bob", grants4, "{\"workspace\":\"demo\",\"projectId\":\"nope\",\"access\":\"READ\"}"),
				400, "validation_failed", "projectId");
		assertProblem(node.post("bob", grants4,
				"{\"workspace\":\"demo\",\"projectId\":\"" + node.projectId("bob", "WEB") + "\",\"access\":\"ADMIN\"}"),
				400, "validation_failed", "access");
		assertProblem(
				put(node, "admin", API + "/policy",
						DEFAULT_POLICY.replace("\"burstRequests\":20", "\"burstRequests\":0")),
				400, "validation_failed", "burstRequests");

		assertThat(count(jdbc, "SELECT count(*) FROM agw_agent")).isEqualTo(agents);
		assertThat(count(jdbc, "SELECT count(*) FROM agw_token")).isEqualTo(tokens);
		assertThat(count(jdbc, "SELECT count(*) FROM agw_grant")).isEqualTo(grants);
		assertThat(LauncherNode.json(node.get("admin", API + "/policy")).get("burstRequests").asInt()).isEqualTo(20);
	}

	@Test
	@Order(7)
	void auditWhenPagedThenKeysetPagesCoverEveryEventOnceAndExportsMatch() {
		UUID agent = node.createAgent("bob", "paged-bot");
		for (int i = 0; i < 3; i++) {
			mint(node, "bob", agent);
			node.post("bob", API + "/agents/" + agent + "/disable", null);
			node.post("bob", API + "/agents/" + agent + "/enable", null);
		}
		List<Long> expected = jdbc.queryForList(
				"SELECT seq FROM agw_audit_event WHERE agent_id = ? ORDER BY occurred_at DESC, seq DESC", Long.class,
				agent);
		assertThat(expected).hasSize(10);

		List<Long> seen = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		do {
			JsonNode page = LauncherNode.json(node.get("bob",
					API + "/audit?agentId=" + agent + "&limit=4" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
			page.get("events").forEach((e) -> seen.add(e.get("seq").asLong()));
			cursor = page.get("nextCursor").asString();
			pages++;
		}
		while (!cursor.isEmpty() && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(expected);

		HttpResponse<String> csv = node.get("bob", API + "/audit?agentId=" + agent + "&format=csv&limit=100");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("text/csv"));
		String[] lines = csv.body().split("\n");
		assertThat(lines[0]).startsWith("seq,id,occurredAt,agentId,ownerUserId");
		assertThat(lines).hasSize(11);
		assertThat(lines[1]).startsWith("\"" + expected.get(0) + "\"");

		HttpResponse<String> jsonl = node.get("bob", API + "/audit?agentId=" + agent + "&format=jsonl&limit=100");
		String[] records = jsonl.body().split("\n");
		assertThat(records).hasSize(10);
		Set<Long> jsonlSeqs = new HashSet<>();
		for (String record : records) {
			JsonNode event = IdentityCalls.JSON.readTree(record);
			assertThat(event.get("agentId").asString()).isEqualTo(agent.toString());
			jsonlSeqs.add(event.get("seq").asLong());
		}
		assertThat(jsonlSeqs).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(IdentityCalls.leaks(csv.body() + jsonl.body())).isEmpty();
		assertProblem(node.get("bob", API + "/audit?cursor=garbage!"), 400, "validation_failed", "cursor");
	}

	@Test
	@Order(8)
	void verifyWhenOneRowEditedThenReportsThatSeq() {
		JsonNode intact = LauncherNode.json(node.get("admin", API + "/audit/verify"));
		assertThat(intact.get("intact").asBoolean()).isTrue();
		long total = count(jdbc, "SELECT count(*) FROM agw_audit_event");
		assertThat(intact.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(total);
		long edited = jdbc.queryForObject("SELECT min(seq) + (max(seq) - min(seq)) / 2 FROM agw_audit_event",
				Long.class);
		String original = jdbc.queryForObject("SELECT reason FROM agw_audit_event WHERE seq = ?", String.class, edited);
		jdbc.update("UPDATE agw_audit_event SET reason = 'nothing to see' WHERE seq = ?", edited);
		try {
			JsonNode broken = LauncherNode.json(node.get("admin", API + "/audit/verify"));
			assertThat(broken.get("intact").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(edited);
		}
		finally {
			jdbc.update("UPDATE agw_audit_event SET reason = ? WHERE seq = ?", original, edited);
		}
		assertThat(LauncherNode.json(node.get("admin", API + "/audit/verify")).get("intact").asBoolean()).isTrue();
	}

	@Test
	@Order(9)
	void toolCallWhenOverBurstLimitThenRetryAfterErrorAndNoTaskerCall() {
		UUID agent = node.createAgent("bob", "limited-bot");
		String[] token = readerOfWeb(agent);
		HttpResponse<String> tiny = put(node, "admin", API + "/policy", DEFAULT_POLICY
			.replace("\"burstRequests\":20,\"burstSeconds\":10", "\"burstRequests\":3,\"burstSeconds\":3600"));
		assertThat(tiny.statusCode()).as(tiny.body()).isEqualTo(200);
		String call = listStatesOfWeb();
		try {
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> admitted = IdentityCalls.mcp(node, token[1], "198.51.100.20", call);
				assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
				assertThat(admitted.body()).doesNotContain("rate_limited");
			}
			cluster.sandbox().clearJournal();
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> refused = IdentityCalls.mcp(node, token[1], "198.51.100.20", call);
				assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
				JsonNode result = LauncherNode.json(refused).get("result");
				assertThat(result.get("isError").asBoolean()).as(refused.body()).isTrue();
				assertThat(result.get("structuredContent").get("code").asString()).isEqualTo("rate_limited");
				assertThat(result.get("structuredContent").get("retry_after_seconds").asLong()).isPositive();
				assertThat(auditOf(jdbc, refused)).singleElement()
					.satisfies((e) -> assertThat(e).containsEntry("outcome", "DENIED")
						.containsEntry("reason", "rate_limited")
						.containsEntry("agent_id", agent)
						.containsEntry("owner_user_id", LauncherNode.BOB_ID));
			}
			assertThat(cluster.sandbox().journal()).as("R1: no Tasker call for a refused request").isEmpty();
		}
		finally {
			assertThat(put(node, "admin", API + "/policy", DEFAULT_POLICY).statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(10)
	void toolCallWhenLimitsRaisedThenBusyAgentLeasesTokensAndDefaultPolicyWritesBucketEveryCall() {
		String[] token = readerOfWeb(node.createAgent("bob", "busy-bot"));
		String call = listStatesOfWeb();

		// The default policy (20 per 10 s, 120 per minute) is too small to lease: each
		// admitted call writes the agent's bucket row once.
		long before = TableScans.settledWrites(jdbc, "agw_agent_rate", node);
		callTimes(token, call, 10);
		assertThat(TableScans.settledWrites(jdbc, "agw_agent_rate", node) - before).isEqualTo(10);

		HttpResponse<String> raised = put(node, "admin", API + "/policy",
				DEFAULT_POLICY.replace("\"burstRequests\":20,\"burstSeconds\":10,\"requestsPerMinute\":120",
						"\"burstRequests\":10000,\"burstSeconds\":1,\"requestsPerMinute\":100000"));
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
		try {
			long leasedBefore = TableScans.settledWrites(jdbc, "agw_agent_rate", node);
			callTimes(token, call, 60);
			// Leases of 1, 2, 4, 8, 16 and then 32 tokens: 6 writes for 60 calls when
			// they follow each other within the lease; a slow machine may take a few
			// more.
			assertThat(TableScans.settledWrites(jdbc, "agw_agent_rate", node) - leasedBefore).isBetween(1L, 20L);
		}
		finally {
			assertThat(put(node, "admin", API + "/policy", DEFAULT_POLICY).statusCode()).isEqualTo(200);
		}
	}

	/**
	 * Issue 12 (point 2): {@code ping}, {@code initialize} and {@code tools/list} count
	 * against the agent's own limit like tool calls. Before, they were never refused, so
	 * an agent could make the gateway write an audit event per request without limit.
	 */
	@Test
	@Order(11)
	void protocolRequestsWhenOverBurstLimitThen429WithRetryAfterEachAuditedOnce() {
		UUID agent = node.createAgent("bob", "chatty-bot");
		String[] token = readerOfWeb(agent);
		HttpResponse<String> tiny = put(node, "admin", API + "/policy", DEFAULT_POLICY
			.replace("\"burstRequests\":20,\"burstSeconds\":10", "\"burstRequests\":3,\"burstSeconds\":3600"));
		assertThat(tiny.statusCode()).as(tiny.body()).isEqualTo(200);
		try {
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> admitted = IdentityCalls.mcp(node, token[1], "198.51.100.21",
						"{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"ping\"}");
				assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
				assertThat(LauncherNode.json(admitted).has("result")).as(admitted.body()).isTrue();
			}
			cluster.sandbox().clearJournal();
			Map<String, String> requests = Map.of("ping", "", "tools/list", ",\"params\":{}", "initialize",
					",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
							+ "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
			for (Map.Entry<String, String> request : requests.entrySet()) {
				HttpResponse<String> refused = IdentityCalls.mcp(node, token[1], "198.51.100.21",
						"{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"" + request.getKey() + "\"" + request.getValue()
								+ "}");
				assertThat(refused.statusCode()).as(request.getKey() + ": " + refused.body()).isEqualTo(429);
				assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
				JsonNode answer = LauncherNode.json(refused);
				assertThat(answer.get("id").asInt()).isEqualTo(42);
				assertThat(answer.get("error").get("data").get("code").asString()).isEqualTo("rate_limited");
				assertThat(answer.get("error").get("data").get("retry_after_seconds").asLong()).isPositive();
				assertThat(auditOf(jdbc, refused)).as(request.getKey())
					.singleElement()
					.satisfies((e) -> assertThat(e).containsEntry("action", "mcp." + request.getKey())
						.containsEntry("outcome", "DENIED")
						.containsEntry("reason", "rate_limited")
						.containsEntry("agent_id", agent)
						.containsEntry("owner_user_id", LauncherNode.BOB_ID));
			}
			assertThat(cluster.sandbox().journal()).as("no Tasker call for a refused request").isEmpty();
		}
		finally {
			assertThat(put(node, "admin", API + "/policy", DEFAULT_POLICY).statusCode()).isEqualTo(200);
		}
	}

	/** Grants bob's agent READ on WEB and mints it a token: {@code [id, secret]}. */
	private static String[] readerOfWeb(UUID agent) {
		node.grant("bob", agent, node.projectId("bob", "WEB"), "READ");
		return mint(node, "bob", agent);
	}

	private static String listStatesOfWeb() {
		return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_states\","
				+ "\"arguments\":{\"project_id\":\"" + node.projectId("bob", "WEB") + "\"}}}";
	}

	private static void callTimes(String[] token, String call, int times) {
		for (int i = 0; i < times; i++) {
			HttpResponse<String> answered = IdentityCalls.mcp(node, token[1], "198.51.100.21", call);
			assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
			assertThat(LauncherNode.json(answered).get("result").get("isError").asBoolean()).as(answered.body())
				.isFalse();
		}
	}

	@Test
	@Order(99)
	void logAndTablesWhenRunSoFarThenContainNoToken() {
		assertThat(IdentityCalls.leaks(IdentityCalls.dumpGatewayTables(cluster))).isEmpty();
		String log = IdentityCalls.runLog();
		assertThat(log).contains("Plugin agent-gateway started");
		assertThat(IdentityCalls.leaks(log)).isEmpty();
		assertThat(log).doesNotContain(LauncherCluster.PEPPER).doesNotContain(cluster.sandbox().demoApiKey());
	}

	static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("application/problem+json"));
		JsonNode problem = LauncherNode.json(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (field != null) {
			assertThat(problem.get("field").asString()).isEqualTo(field);
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
	}

}
