package com.launcher.e2e.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.TableScans;
import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.security.PluginProtectedResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Calls and checks shared by the identity end-to-end tests: MCP requests from a chosen
 * (forwarded) source address, audit counts by request id, table dumps and log scans for
 * leaked tokens. Every secret minted through {@link #mint} is remembered so that the
 * scans can look for each one.
 */
final class IdentityCalls {

	static final String API = LauncherNode.API;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

	/** The token pattern of security.md: a scanner's view of a leaked token. */
	static final Pattern TOKEN_PATTERN = Pattern.compile("agw_[0-9A-Za-z]{38}");

	/** Every secret the identity tests minted in this JVM. */
	static final Set<String> MINTED = ConcurrentHashMap.newKeySet();

	/**
	 * Cluster settings for the identity tests: the test client is a trusted proxy, so a
	 * test chooses its source address with {@code X-Forwarded-For} and the per-source
	 * failure throttle of one test never touches another.
	 */
	static final Map<String, Object> PROPERTIES = Map.of("launcher.security.trusted-proxies", "127.0.0.1",
			"agent-gateway.auth-failure-limit", 5, "agent-gateway.auth-failure-window", "PT10M",
			"agent-gateway.auth-failure-block", "PT10M", "agent-gateway.owner-sync-interval", "PT10M");

	private IdentityCalls() {
	}

	/** Mints a token and remembers its secret for the leak scans. */
	static String[] mint(LauncherNode node, String owner, java.util.UUID agentId) {
		String[] minted = node.mint(owner, agentId);
		MINTED.add(minted[1]);
		return minted;
	}

	/** A JSON-RPC ping to the MCP endpoint from {@code source}. */
	static HttpResponse<String> ping(LauncherNode node, String token, String source) {
		return mcp(node, token, source, PING);
	}

	static HttpResponse<String> mcp(LauncherNode node, String token, String source, String jsonRpc) {
		HttpRequest.Builder request = node.anonymous("/plugins/agent-gateway/mcp")
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("X-Forwarded-For", source)
			.POST(HttpRequest.BodyPublishers.ofString(jsonRpc));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return node.send(request);
	}

	static HttpResponse<String> put(LauncherNode node, String username, String path, String json) {
		return node.send(node.as(username, path)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> delete(LauncherNode node, String username, String path) {
		return node.send(node.as(username, path).DELETE());
	}

	static String requestId(HttpResponse<String> response) {
		return response.headers().firstValue("X-Request-Id").orElseThrow();
	}

	/** The audit rows one request left, as {@code action/outcome/reason/agent/owner}. */
	static List<Map<String, Object>> auditOf(JdbcTemplate jdbc, HttpResponse<String> response) {
		return jdbc.queryForList("SELECT action, outcome, reason, agent_id, owner_user_id, token_id"
				+ " FROM agw_audit_event WHERE request_id = ? ORDER BY seq", requestId(response));
	}

	static String tokenStatus(JdbcTemplate jdbc, String tokenId) {
		return jdbc.queryForObject("SELECT status FROM agw_token WHERE id = ?::uuid", String.class, tokenId);
	}

	static int count(JdbcTemplate jdbc, String sql, Object... args) {
		Integer count = jdbc.queryForObject(sql, Integer.class, args);
		return (count != null) ? count : 0;
	}

	/** The introspector the node's host calls for the MCP endpoint, in process. */
	static BearerTokenIntrospector introspector(LauncherNode node) {
		return node.context()
			.getBean(PluginProtectedResources.class)
			.find("/plugins/agent-gateway/mcp")
			.orElseThrow()
			.introspector();
	}

	/**
	 * Sequential plus index scans of {@code agw_token} once every backend has reported.
	 * @see TableScans#settled
	 */
	static long settledTokenTableScans(JdbcTemplate jdbc, LauncherNode... nodes) {
		return TableScans.settled(jdbc, "agw_token", nodes);
	}

	/** Every {@code agw_*} table of the cluster's database, all rows, as text. */
	static String dumpGatewayTables(LauncherCluster cluster) {
		JdbcTemplate jdbc = cluster.jdbc();
		List<String> tables = jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables"
						+ " WHERE table_schema = 'public' AND table_name LIKE 'agw\\_%' ORDER BY table_name",
				String.class);
		StringBuilder dump = new StringBuilder();
		for (String table : tables) {
			dump.append("== ").append(table).append('\n');
			// Every column as text (bytea as hex), so nothing escapes the grep.
			for (String row : jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class)) {
				dump.append(row).append('\n');
			}
		}
		return dump.toString();
	}

	/** Occurrences of the token pattern and of every minted secret in {@code text}. */
	static List<String> leaks(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = TOKEN_PATTERN.matcher(text);
		while (matcher.find()) {
			found.add("pattern@" + matcher.start());
		}
		for (String secret : MINTED) {
			if (text.contains(secret)) {
				found.add("secret " + secret.substring(0, 6) + "…");
			}
			// A secret cut after its prefix still must not appear.
			if (text.contains(secret.substring(4, 24))) {
				found.add("secret body " + secret.substring(0, 6) + "…");
			}
		}
		return found;
	}

	/** The whole log of this test JVM so far (logback-test.xml). */
	static String runLog() {
		Path log = Paths.get("target/e2e-run.log");
		try {
			return Files.isRegularFile(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
