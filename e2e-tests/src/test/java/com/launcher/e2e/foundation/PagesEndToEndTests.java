package com.launcher.e2e.foundation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person uses them: create an agent, grant a project, mint a token that is
 * shown once, and the admin overview with an explicit chain verification.
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
		String agentId = agentPath.substring(agentPath.lastIndexOf('/') + 1);

		HttpResponse<String> page = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("page-agent").contains("From the page").contains("NEVER CONNECTED");
		assertThat(page.body()).contains("WEB — Website").contains("OPS — Operations");

		String web = node.projectId("alice", "WEB").toString();
		assertThat(form("alice", "/plugins/agent-gateway/agents/" + agentId + "/grants",
				"projectId=" + web + "&access=WRITE")
			.statusCode()).isEqualTo(302);
		HttpResponse<String> granted = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(granted.body()).contains("<td>WRITE</td>");
		// A granted project is no longer offered in the grant form.
		assertThat(granted.body()).doesNotContain("<option value=\"" + web + "\"");

		HttpResponse<String> minted = form("alice", "/plugins/agent-gateway/agents/" + agentId + "/tokens",
				"expiresInDays=7");
		assertThat(minted.statusCode()).isEqualTo(200);
		Matcher token = TOKEN.matcher(minted.body());
		assertThat(token.find()).as("the new token is shown").isTrue();
		HttpResponse<String> again = node.get("alice", "/plugins/agent-gateway/agents/" + agentId);
		assertThat(again.body()).doesNotContain(token.group()).contains("ACTIVE");
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
	void adminPageWhenAdminThenOverviewAndChainVerifiedOnlyOnRequest() {
		form("alice", "/plugins/agent-gateway/agents", "name=visible-to-admin");
		HttpResponse<String> overview = node.get("admin", "/plugins/agent-gateway/admin/");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("visible-to-admin")
			.contains("Alice Liddell")
			.contains("Verify the audit chain")
			.doesNotContain("Audit chain intact");
		HttpResponse<String> verified = node.get("admin", "/plugins/agent-gateway/admin/?verify=true");
		assertThat(verified.body()).containsPattern("Audit chain intact \\(\\d+ events\\)");
		assertThat(node.get("alice", "/plugins/agent-gateway/admin/").statusCode()).isEqualTo(403);
	}

	// Forms with HTTP Basic: a request carrying an Authorization header needs no CSRF
	// token.
	private static HttpResponse<String> form(String user, String path, String body) {
		return node.send(node.as(user, path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

}
