package com.launcher.e2e.browser;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.launcher.e2e.LauncherNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static com.launcher.e2e.browser.AgentCalls.args;
import static com.launcher.e2e.browser.AgentCalls.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform admin's pages in a real browser on the built plugin: the policy form with
 * its messages, the filtered audit view and its exports, the agent list with its actions,
 * the reporting view; and that nobody else reaches any of them.
 */
@Order(2)
@ExtendWith(SharedBrowser.class)
class AdminPagesBrowserTests {

	private static final String BASE = "/plugins/agent-gateway";

	private static final String API = LauncherNode.API;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LauncherNode node;

	private static Browser browser;

	@BeforeAll
	static void start() {
		node = SharedBrowser.node();
		browser = SharedBrowser.browser();
	}

	@BeforeEach
	void wide() {
		browser.width(Browser.WIDE);
	}

	@Test
	void policyFormWhenSavedThenInForceAndWhenRefusedThenMessageBesideTheFieldAndNothingSaved() {
		String before = node.get("admin", API + "/policy").body();
		try {
			savedAndRefused();
		}
		finally {
			// The host is shared with the other browser classes: leave the policy as
			// found.
			HttpResponse<String> restored = node.send(node.as("admin", API + "/policy")
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(before)));
			assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		}
	}

	private static void savedAndRefused() {
		browser.signIn("admin").open(BASE + "/admin/policy");
		assertThat(browser.heading()).isEqualTo("Policy");
		assertThat(value("#writesPerDay")).isEqualTo("200");
		assertThat(value("#maxTokenDays")).isEqualTo("90");

		type("#writesPerDay", "150");
		browser.find("#reportingMode").click();
		browser.clickAndWait(browser.button("Save policy"));
		assertThat(browser.text(".notice")).isEqualTo("The policy is saved.");
		assertThat(value("#writesPerDay")).isEqualTo("150");
		assertThat(browser.find("#reportingMode").isSelected()).isTrue();
		assertThat(LauncherNode.json(node.get("admin", API + "/policy")).get("writesPerDay").asInt()).isEqualTo(150);

		type("#defaultTokenDays", "120");
		browser.clickAndWait(browser.button("Save policy"));
		assertThat(browser.text("#error-summary")).contains("The policy was not saved");
		assertThat(browser.text("#defaultTokenDays-error")).isEqualTo("Must not exceed the longest lifetime.");
		assertThat(browser.find("#defaultTokenDays").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#defaultTokenDays").getAttribute("aria-describedby"))
			.contains("defaultTokenDays-error");
		assertThat(value("#defaultTokenDays")).as("what was typed is kept").isEqualTo("120");
		assertThat(LauncherNode.json(node.get("admin", API + "/policy")).get("defaultTokenDays").asInt()).isEqualTo(30);

		type("#defaultTokenDays", "30");
		type("#burstSeconds", "ten");
		browser.clickAndWait(browser.button("Save policy"));
		assertThat(browser.text("#burstSeconds-error")).isEqualTo("Enter a whole number.");
		type("#burstSeconds", "0");
		browser.clickAndWait(browser.button("Save policy"));
		assertThat(browser.text("#burstSeconds-error")).isEqualTo("Must be between 1 and 3600.");
		assertThat(LauncherNode.json(node.get("admin", API + "/policy")).get("burstSeconds").asInt()).isEqualTo(10);
	}

	@Test
	void auditViewWhenFilteredThenOnlyMatchingRowsAndTheCsvHoldsExactlyThem() {
		UUID agent = node.createAgent("alice", "audited-agent");
		UUID web = node.projectId("alice", "WEB");
		node.grant("alice", agent, web, "READ");
		String token = node.mint("alice", agent)[1];
		String ops = node.projectId("alice", "OPS").toString();
		for (int i = 0; i < 3; i++) {
			AgentCalls.ok(node, token, "whoami", args());
		}
		AgentCalls.ok(node, token, "list_states", args("project_id", ops));
		AgentCalls.ok(node, token, "list_states", args("project_id", ops));
		// Another owner's refused call must not show in this view.
		UUID other = node.createAgent("bob", "other-agent");
		AgentCalls.ok(node, node.mint("bob", other)[1], "list_states", args("project_id", ops));

		browser.signIn("admin").open(BASE + "/admin/audit");
		new Select(browser.find("#agent")).selectByVisibleText("audited-agent (Alice Liddell)");
		new Select(browser.find("#outcome")).selectByVisibleText("Denied");
		browser.clickAndWait(browser.button("Filter"));
		List<WebElement> rows = browser.findAll("#audit-events tbody tr");
		assertThat(rows).hasSize(2)
			.allSatisfy((row) -> assertThat(row.getText()).contains("audited-agent")
				.contains("tool.list_states")
				.contains("Denied")
				.contains("not granted to this agent"));
		List<String> shown = rows.stream().map((row) -> row.getAttribute("data-event-id")).toList();
		browser.screenshot("audit-filtered");

		browser.find("#export-csv").click();
		String[] csv = browser.download(".csv").split("\n");
		assertThat(csv[0]).startsWith("seq,id,occurredAt,agentId");
		assertThat(Arrays.stream(csv).skip(1).map((line) -> line.split(",")[1].replace("\"", "")).toList())
			.containsExactlyElementsOf(shown);
		browser.find("#export-jsonl").click();
		String[] jsonl = browser.download(".jsonl").split("\n");
		assertThat(Arrays.stream(jsonl).map((line) -> JSON.readTree(line).get("id").asString()))
			.containsExactlyElementsOf(shown);

		// A time range: everything of the agent since an hour ago, with the action named.
		browser.script("document.getElementById('from').value = arguments[0];",
				LocalDateTime.now(ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0).toString());
		new Select(browser.find("#outcome")).selectByVisibleText("Any");
		type("#action", "tool.whoami");
		browser.clickAndWait(browser.button("Filter"));
		assertThat(browser.findAll("#audit-events tbody tr")).hasSize(3)
			.allSatisfy((row) -> assertThat(row.getText()).contains("tool.whoami").contains("Succeeded"));
		assertThat(browser.driver().getCurrentUrl()).contains("from=").contains("action=tool.whoami");

		browser.script("document.getElementById('to').value = arguments[0];", "2020-01-01T00:00");
		browser.clickAndWait(browser.button("Filter"));
		assertThat(browser.text("#to-error")).isEqualTo("Must be later than the start.");
		assertThat(browser.findAll("#export-csv")).isEmpty();

		browser.clickAndWait(browser.button("Verify the audit chain"));
		assertThat(browser.text("#chain-result")).matches("The audit chain is intact \\(\\d+ events checked\\)\\.");
	}

	@Test
	void agentListWhenFilteredThenPagedAndDisableAndRevokeAllApplyAtOnce() {
		for (int i = 0; i < 21; i++) {
			node.createAgent("bob", String.format("fleet-%02d", i));
		}
		UUID target = node.createAgent("alice", "to-switch-off");
		node.grant("alice", target, node.projectId("alice", "WEB"), "READ");
		String token = node.mint("alice", target)[1];
		AgentCalls.ok(node, token, "whoami", args());

		browser.signIn("admin").open(BASE + "/admin/agents");
		new Select(browser.find("#owner")).selectByVisibleText("Bob Builder");
		type("#q", "fleet");
		browser.clickAndWait(browser.button("Filter"));
		assertThat(browser.text("#agents-count")).isEqualTo("Agents 1–20 of 21");
		browser.clickAndWait(browser.link("Next"));
		assertThat(browser.text("#agents-count")).isEqualTo("Agents 21–21 of 21");
		assertThat(browser.text("table tbody")).contains("fleet-20");

		browser.open(BASE + "/admin/agents?q=to-switch");
		assertThat(browser.findAll("table tbody tr")).hasSize(1);
		assertThat(browser.text("table tbody")).contains("Alice Liddell").contains("Connected");
		browser.clickAndWait(browser.button("Disable"));
		assertThat(browser.text(".notice")).startsWith("The agent is disabled");
		assertThat(browser.driver().getCurrentUrl()).contains("q=to-switch");
		assertThat(browser.text("table tbody")).contains("Disabled");
		assertThat(AgentCalls.call(node, token, "whoami", args()).statusCode()).isEqualTo(401);

		browser.clickAndWait(browser.button("Revoke all tokens"));
		assertThat(browser.text(".notice")).isEqualTo("Every live token of the agent is revoked.");
		browser.clickAndWait(browser.button("Enable"));
		assertThat(browser.text("table tbody")).contains("Enabled");
		assertThat(LauncherNode.json(node.get("alice", API + "/agents/" + target + "/tokens"))
			.get(0)
			.get("status")
			.asString()).isEqualTo("REVOKED");
		assertThat(AgentCalls.call(node, token, "whoami", args()).statusCode()).isEqualTo(401);
	}

	@Test
	void reportingViewWhenOneAgentReportsThenItReportsAndTheOthersNeverDid() {
		UUID reporter = node.createAgent("alice", "reporter");
		UUID web = node.projectId("alice", "WEB");
		node.grant("alice", reporter, web, "WRITE");
		String token = node.mint("alice", reporter)[1];
		AgentCalls.ok(node, token, "report_progress", args("project_id", web.toString(), "idempotency_key", key(),
				"work_item_id", "WEB-1", "status", "working", "summary", "Looking at the login page"));
		node.createAgent("alice", "silent");

		browser.signIn("admin").open(BASE + "/admin/reporting");
		assertThat(browser.heading()).isEqualTo("Reporting");
		assertThat(browser.text("main")).contains("visibility, not enforcement");
		assertThat(row("reporter")).contains("Reporting").contains("Working: Looking at the login page");
		assertThat(row("silent")).contains("Never reported").contains("Never connected");
		assertThat(Integer.parseInt(browser.text("#count-reporting"))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void adminPagesWhenNotAdminThenNotAllowedAndNotOffered() {
		browser.signIn("alice").open(BASE + "/");
		assertThat(browser.text("nav")).contains("My agents").doesNotContain("Policy").doesNotContain("Audit log");
		for (String page : List.of("/admin/", "/admin/agents", "/admin/policy", "/admin/audit", "/admin/reporting",
				"/admin/audit/export?format=csv")) {
			browser.open(BASE + page);
			assertThat(browser.heading()).as(page).isEqualTo("Not allowed");
			assertThat(node.get("alice", BASE + page).statusCode()).as(page).isEqualTo(403);
		}
		UUID someone = node.createAgent("bob", "not-alices");
		assertThat(node
			.send(node.as("alice", BASE + "/admin/agents/" + someone + "/disable")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isIn(403, 404);
		assertThat(LauncherNode.json(node.get("bob", API + "/agents/" + someone)).get("status").asString())
			.isEqualTo("ENABLED");
	}

	private static String row(String agent) {
		return browser.findAll("table tbody tr")
			.stream()
			.map(WebElement::getText)
			.filter((text) -> text.startsWith(agent + "\n") || text.startsWith(agent + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + agent));
	}

	private static String value(String css) {
		return browser.find(css).getAttribute("value");
	}

	private static void type(String css, String text) {
		WebElement field = browser.find(css);
		field.clear();
		field.sendKeys(text);
	}

}
