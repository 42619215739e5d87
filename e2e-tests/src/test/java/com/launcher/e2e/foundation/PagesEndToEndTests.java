package com.launcher.e2e.foundation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person without JavaScript uses them, plain form posts and links: create
 * an agent, grant a project, mint a token that is shown once on the connect page, and the
 * admin pages with an explicit chain verification. The browser tests
 * ({@code e2e/browser}) cover the same pages in Chromium.
 */
class PagesEndToEndTests {

	private static final Pattern TOKEN = Pattern.compile("agw_[0-9A-Za-z]{38}");

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
	void agentPagesWhenOwnerUsesFormsThenAgentGrantAndTokenShownOnce() {
		HttpResponse<String> created = form("alice", "/plugins/agent-gateway/agents",
				"name=page-agent&description=From+the+page");
		assertThat(created.statusCode()).isEqualTo(302);
		String agentPath = created.headers().firstValue("Location").orElseThrow();
		assertThat(agentPath).contains("/plugins/agent-gateway/agents/");
		String agentId = idIn(agentPath);

		HttpResponse<String> page = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("page-agent").contains("From the page").contains("Never connected");
		assertThat(page.body()).contains("WEB — Website").contains("OPS — Operations");

		String web = node.projectId("alice", "WEB").toString();
		assertThat(form("alice", "/plugins/agent-gateway/agents/" + agentId + "/grants",
				"projectId=" + web + "&access=WRITE")
			.statusCode()).isEqualTo(302);
		HttpResponse<String> granted = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(granted.body()).contains("<option value=\"WRITE\" selected=\"selected\">");
		// A granted project is no longer offered in the grant form.
		assertThat(granted.body()).doesNotContain("<option value=\"" + web + "\"");

		HttpResponse<String> minted = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7");
		assertThat(minted.statusCode()).isEqualTo(200);
		assertThat(minted.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Matcher token = TOKEN.matcher(minted.body());
		assertThat(token.find()).as("the new token is shown").isTrue();
		assertThat(minted.body()).contains("export TASKER_AGENT_TOKEN=" + token.group());
		HttpResponse<String> again = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(again.body()).doesNotContain(token.group()).contains("badge active");
		HttpResponse<String> connect = node.get("alice", "/plugins/agent-gateway/agents/" + agentId + "/connect");
		assertThat(connect.body()).doesNotContain(token.group()).contains("bearer_token_env_var");
	}

	@Test
	void mintFormWhenNetworksGivenThenTokenBoundToThemAndShownOnThePage() {
		String agentId = createAgent("alice", "bound-agent");
		String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

		// The test client calls from the loopback address.
		HttpResponse<String> local = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7&allowedCidrs=127.0.0.1%2F32%2C+10.0.0.0%2F8");
		assertThat(local.statusCode()).isEqualTo(200);
		Matcher localToken = TOKEN.matcher(local.body());
		assertThat(localToken.find()).isTrue();
		assertThat(local.body()).contains("Usable only from <span>127.0.0.1/32, 10.0.0.0/8</span>");
		assertThat(node.mcp(localToken.group(), ping).statusCode()).isEqualTo(200);

		HttpResponse<String> elsewhere = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7&allowedCidrs=203.0.113.0%2F24");
		Matcher elsewhereToken = TOKEN.matcher(elsewhere.body());
		assertThat(elsewhereToken.find()).isTrue();
		assertThat(node.mcp(elsewhereToken.group(), ping).statusCode()).isEqualTo(401);

		// Without networks a token is usable from anywhere, and the page says so.
		HttpResponse<String> open = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7&allowedCidrs=");
		Matcher openToken = TOKEN.matcher(open.body());
		assertThat(openToken.find()).isTrue();
		assertThat(open.body()).doesNotContain("Usable only from");
		assertThat(node.get("alice", "/plugins/agent-gateway/agents/" + agentId).body())
			.contains("data-label=\"Networks\">Any</td>");
		assertThat(node.mcp(openToken.group(), ping).statusCode()).isEqualTo(200);
	}

	@Test
	void mintFormWhenNetworkIsNotACidrBlockThenMessageBesideTheFieldAndNoTokenIsMade() {
		String agentId = createAgent("alice", "badly-bound-agent");

		HttpResponse<String> refused = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7&allowedCidrs=10.0.0.0%2F8%2C+the-office");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"allowedCidrs-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"10.0.0.0/8, the-office\"");
		assertThat(TOKEN.matcher(refused.body()).find()).isFalse();
		assertThat(node.get("alice", "/plugins/agent-gateway/agents/" + agentId).body()).doesNotContain("badge active");
	}

	@Test
	void agentPageWhenAnotherOwnersAgentThenNotFoundPage() {
		HttpResponse<String> created = form("bob", "/plugins/agent-gateway/agents", "name=bobs-page-agent");
		String agentPath = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> page = node.get("alice", agentPath.substring(agentPath.indexOf("/plugins/")));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("not_found").doesNotContain("bobs-page-agent");
	}

	@Test
	void adminPagesWhenAdminThenAgentsListedAndChainVerifiedOnlyOnRequest() {
		form("alice", "/plugins/agent-gateway/agents", "name=visible-to-admin");
		HttpResponse<String> start = node.get("admin", "/plugins/agent-gateway/admin/");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(start.headers().firstValue("Location").orElseThrow())
			.endsWith("/plugins/agent-gateway/admin/agents");
		HttpResponse<String> agents = node.get("admin", "/plugins/agent-gateway/admin/agents");
		assertThat(agents.statusCode()).isEqualTo(200);
		assertThat(agents.body()).contains("visible-to-admin").contains("Alice Liddell");
		HttpResponse<String> audit = node.get("admin", "/plugins/agent-gateway/admin/audit");
		assertThat(audit.body()).contains("Verify the audit chain").doesNotContain("audit chain is intact");
		HttpResponse<String> verified = node.get("admin", "/plugins/agent-gateway/admin/audit?verify=true");
		assertThat(verified.body()).containsPattern("The audit chain is intact \\(\\d+ events checked\\)");
		assertThat(node.get("alice", "/plugins/agent-gateway/admin/").statusCode()).isEqualTo(403);
		assertThat(node.get("alice", "/plugins/agent-gateway/admin/agents").statusCode()).isEqualTo(403);
	}

	@Test
	void pagesWhenServedThenStrictContentSecurityPolicyAndNoInlineScriptOrStyle() {
		for (String path : List.of("/plugins/agent-gateway/", "/plugins/agent-gateway/admin/agents",
				"/plugins/agent-gateway/admin/policy", "/plugins/agent-gateway/admin/audit",
				"/plugins/agent-gateway/admin/reporting", "/plugins/agent-gateway/agents/" + UUID.randomUUID())) {
			HttpResponse<String> page = node.get("admin", path);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).startsWith("default-src 'none';")
					.contains("script-src 'self'")
					.contains("style-src 'self'")
					.doesNotContain("unsafe-inline"));
			assertThat(page.body()).as(path)
				.doesNotContainPattern("<script(?![^>]*\\ssrc=)")
				.doesNotContainPattern("\\sstyle=")
				.doesNotContainPattern("\\son[a-z]+=");
		}
		HttpResponse<String> login = node.send(node.anonymous("/login"));
		assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
		HttpResponse<String> missing = node.send(node.as("alice", "/no-such-page").header("Accept", "text/html"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Not found</h1>").doesNotContain("Whitelabel");
		assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	private static String createAgent(String owner, String name) {
		String location = form(owner, "/plugins/agent-gateway/agents", "name=" + name).headers()
			.firstValue("Location")
			.orElseThrow();
		return idIn(location);
	}

	// The agent's id in a redirect to its page (which carries a notice).
	private static String idIn(String location) {
		String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
		return path.substring(path.lastIndexOf('/') + 1);
	}

	// Forms with HTTP Basic: a request carrying an Authorization header needs no CSRF
	// token.
	private static HttpResponse<String> form(String user, String path, String body) {
		return node.send(node.as(user, path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

}
