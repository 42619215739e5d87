package com.launcher.e2e.browser;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static com.launcher.e2e.browser.AgentCalls.args;
import static com.launcher.e2e.browser.AgentCalls.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner's pages in a real browser on the built plugin: create an agent, grant and
 * change access, mint a token and copy what the connect page shows, watch the agent call
 * and its activity, revoke; and what a person sees when there is nothing yet, when Tasker
 * is unreachable, when a session has expired or a page does not exist.
 */
// First of the browser classes (junit-platform.properties): its first test sees alice's
// first visit, before any other class has made her an agent.
@Order(1)
@ExtendWith(SharedBrowser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerPagesBrowserTests {

	private static final Pattern TOKEN = Pattern.compile("agw_[0-9A-Za-z]{38}");

	private static final String BASE = "/plugins/agent-gateway";

	private static final String TASKER_WEB = SharedBrowser.TASKER_WEB;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static Browser browser;

	@BeforeAll
	static void start() {
		cluster = SharedBrowser.cluster();
		node = SharedBrowser.node();
		browser = SharedBrowser.browser();
	}

	@BeforeEach
	void wide() {
		browser.width(Browser.WIDE);
	}

	@Test
	@Order(1)
	void ownerWhenCreatingGrantingMintingAndRevokingThenEveryStepShowsAndTheCopiedConfigIsWhatIsShown() {
		browser.signIn("alice").open(BASE + "/");
		assertThat(browser.heading()).isEqualTo("My agents");
		assertThat(browser.text("main")).contains("You have no agent yet");

		browser.find("#name").sendKeys("laptop-codex");
		browser.find("#description").sendKeys("Codex on my laptop");
		browser.clickAndWait(browser.button("Create agent"));
		assertThat(browser.heading()).isEqualTo("laptop-codex");
		assertThat(browser.text(".notice")).isEqualTo("The agent is created.");
		assertThat(browser.text("main")).contains("No project is granted yet");

		new Select(browser.find("#projectId")).selectByVisibleText("WEB — Website");
		new Select(browser.find("#access")).selectByVisibleText("Read and write");
		browser.clickAndWait(browser.button("Grant"));
		assertThat(browser.text(".notice")).isEqualTo("The project is granted.");
		assertThat(new Select(browser.find("select[id^=access-]")).getFirstSelectedOption().getText())
			.isEqualTo("Read and write");
		// Only OPS is still grantable.
		assertThat(new Select(browser.find("#projectId")).getOptions()).extracting((o) -> o.getText())
			.containsExactly("OPS — Operations");

		new Select(browser.find("select[id^=access-]")).selectByVisibleText("Read");
		browser.clickAndWait(browser.button("Change"));
		assertThat(browser.text(".notice")).isEqualTo("The project's access is changed.");
		assertThat(new Select(browser.find("select[id^=access-]")).getFirstSelectedOption().getText())
			.isEqualTo("Read");

		browser.clickAndWait(browser.link("Connect Codex"));
		assertThat(browser.heading()).isEqualTo("Connect Codex to laptop-codex");
		assertThat(browser.text("#connection-status")).contains("has not called the gateway yet");
		String mcpUrl = "http://127.0.0.1:" + node.port() + BASE + "/mcp";
		// OAuth first: its configuration names no token variable (Codex would not try
		// OAuth with one), and the pasted-token way follows it on the page.
		assertThat(browser.findAll("h2").stream().map(WebElement::getText).toList())
			.containsSubsequence("Connect with OAuth (recommended)", "Or connect with a pasted token");
		assertThat(browser.text("#oauth-way")).contains("no token is shown here")
			.contains("choose laptop-codex as the agent to act as");
		String oauthConfig = browser.text("#oauth-config-toml");
		assertThat(oauthConfig).isEqualTo("[mcp_servers.tasker]\nurl = \"" + mcpUrl + "\"\n"
				+ "startup_timeout_sec = 20\ntool_timeout_sec = 60\ndefault_tools_approval_mode = \"writes\"");
		assertThat(browser.text("#codex-login")).isEqualTo("codex mcp login tasker");
		browser.button("Copy the OAuth configuration").click();
		browser.waitFor((d) -> oauthConfig.equals(String.valueOf(browser.clipboard()).strip()));
		browser.button("Copy the login command").click();
		browser.waitFor((d) -> "codex mcp login tasker".equals(String.valueOf(browser.clipboard()).strip()));
		browser.screenshot("connect");

		browser.find("#expiresInDays").clear();
		browser.find("#expiresInDays").sendKeys("7");
		browser.clickAndWait(browser.button("Mint token"));
		String exportLine = browser.text("#export-line");
		Matcher token = TOKEN.matcher(exportLine);
		assertThat(token.find()).isTrue();
		assertThat(exportLine).isEqualTo("export TASKER_AGENT_TOKEN=" + token.group());
		browser.screenshot("connect-minted");

		String config = browser.text("#config-toml");
		assertThat(config).isEqualTo("[mcp_servers.tasker]\nurl = \"" + mcpUrl + "\"\n"
				+ "bearer_token_env_var = \"TASKER_AGENT_TOKEN\"\nstartup_timeout_sec = 20\n"
				+ "tool_timeout_sec = 60\ndefault_tools_approval_mode = \"writes\"");
		assertThat(config).doesNotContain("agw_");
		browser.button("Copy the configuration").click();
		browser.waitFor((d) -> browser.button("Cop").getText().equals("Copied")
				|| browser.text("#copy-status").startsWith("Copied"));
		assertThat(browser.clipboard().strip()).isEqualTo(config);
		browser.button("Copy the export line").click();
		browser.waitFor((d) -> token.group().equals(tokenIn(browser.clipboard())));
		browser.button("Copy the AGENTS.md section").click();
		browser.waitFor((d) -> String.valueOf(browser.clipboard()).startsWith("## Tasker (via Agent Gateway)"));
		assertThat(browser.text("#agents-md")).contains("untrusted data").doesNotContain("agw_");

		// The token was shown once: the connect page does not show it again.
		browser.clickAndWait(browser.link("Check again"));
		assertThat(browser.text("main")).doesNotContain(token.group());
		assertThat(browser.text("#connection-status")).contains("has not called the gateway yet");

		AgentCalls.ok(node, token.group(), "whoami", args());
		browser.clickAndWait(browser.link("Check again"));
		assertThat(browser.text("#connection-status")).contains("Connected")
			.contains("Last call with a valid token")
			.contains("from 127.0.0.1");
		assertThat(browser.text(".status")).contains("Latest request: whoami Succeeded");

		browser.clickAndWait(browser.link("laptop-codex"));
		assertThat(browser.text("table[class~=stack]:not(.audit) tbody")).isNotEmpty();
		String tokenRow = tokenRow(token.group());
		assertThat(tokenRow).contains("Pasted token").contains("Alice Liddell").contains("Active").contains("Any");
		browser.clickAndWait(browser.button("Revoke"));
		assertThat(browser.text(".notice")).startsWith("The token is revoked.");
		assertThat(tokenRow(token.group())).contains("Revoked");
		assertThat(AgentCalls.call(node, token.group(), "whoami", args()).statusCode()).isEqualTo(401);
		browser.screenshot("agent-page");
	}

	@Test
	@Order(2)
	void activityWhenFilteredByOutcomeThenOnlyThoseCallsAndOlderPagesFollow() {
		browser.signIn("bob").open(BASE + "/");
		browser.find("#name").sendKeys("bob-busy");
		browser.clickAndWait(browser.button("Create agent"));
		new Select(browser.find("#access")).selectByVisibleText("Read and write");
		browser.clickAndWait(browser.button("Grant"));
		browser.clickAndWait(browser.link("Connect Codex"));
		browser.clickAndWait(browser.button("Mint token"));
		String token = tokenIn(browser.text("#export-line"));
		String ops = cluster.sandbox().projectId("OPS").toString();
		String web = cluster.sandbox().projectId("WEB").toString();
		// 16 + 2 calls stay within the default burst (20); with the 3 events of creating,
		// granting and minting they fill more than one page of 20.
		for (int i = 0; i < 16; i++) {
			AgentCalls.ok(node, token, "whoami", args());
		}
		// Bob was never granted OPS: refused, with the reason.
		AgentCalls.ok(node, token, "list_states", args("project_id", ops));
		AgentCalls.ok(node, token, "create_work_item",
				args("project_id", web, "idempotency_key", key(), "title", "Fix the login page"));

		browser.clickAndWait(browser.link("bob-busy"));
		List<String> rows = activityRows();
		assertThat(rows).hasSize(20);
		assertThat(rows.get(0)).contains("create_work_item")
			.contains("Agent")
			.contains("Succeeded")
			.containsPattern("WEB-\\d+ Fix the login page");
		// The card an agent wrote links to Tasker, by its readable id.
		WebElement card = browser.find("table.audit tbody tr td[data-label=Card] a");
		assertThat(card.getAttribute("href")).startsWith(TASKER_WEB + "/demo/browse/WEB-");
		assertThat(card.getText()).matches("WEB-\\d+");
		assertThat(rows.get(1)).contains("list_states").contains("Denied").contains("not granted to this agent");
		browser.clickAndWait(browser.link("Older"));
		assertThat(activityRows()).isNotEmpty().allSatisfy((row) -> assertThat(row).doesNotContain("create_work_item"));
		browser.clickAndWait(browser.link("Newest"));
		assertThat(activityRows().get(0)).contains("create_work_item");

		new Select(browser.find("#outcome")).selectByVisibleText("Denied");
		browser.clickAndWait(browser.button("Show"));
		assertThat(activityRows()).hasSize(1).first().asString().contains("list_states");
		assertThat(browser.driver().getCurrentUrl()).contains("outcome=DENIED");
	}

	@Test
	@Order(3)
	void emptyStatesWhenNothingToGrantThenEachSaysWhyInWords() {
		// Bob is a member of WEB only, and it is granted.
		browser.signIn("bob").open(BASE + "/");
		browser.clickAndWait(browser.link("bob-busy"));
		assertThat(browser.text("main")).contains("Every Tasker project you are a member of is granted");

		// Without any membership there is nothing to grant, and the page says why.
		bobInWeb(false);
		try {
			browser.open(BASE + "/");
			browser.find("#name").sendKeys("bob-idle");
			browser.clickAndWait(browser.button("Create agent"));
			assertThat(browser.text("main")).contains("There is no project to grant")
				.contains("not a member of any Tasker project");
			assertThat(browser.findAll("#projectId")).isEmpty();
		}
		finally {
			bobInWeb(true);
		}
	}

	@Test
	@Order(4)
	void createFormWhenNameMissingOrTakenThenMessageBesideTheFieldAndTextKept() {
		browser.signIn("alice").open(BASE + "/");
		browser.find("#description").sendKeys("kept");
		browser.clickAndWait(browser.button("Create agent"));
		assertThat(browser.text("#name-error")).isEqualTo("This is required.");
		assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#description").getAttribute("value")).isEqualTo("kept");

		browser.find("#name").sendKeys("laptop-codex");
		browser.clickAndWait(browser.button("Create agent"));
		assertThat(browser.text("#name-error")).isEqualTo("You already have an agent with this name.");
	}

	@Test
	@Order(5)
	void errorPagesWhenNotFoundForbiddenOrSessionGoneThenWordsNotFrameworkPages() {
		browser.signIn("alice").open(BASE + "/agents/00000000-0000-4000-8000-00000000abcd");
		assertThat(browser.heading()).isEqualTo("Not found");
		assertThat(browser.text("main")).contains("Back to my agents").doesNotContain("Exception");
		browser.open(BASE + "/agents/not-an-id");
		assertThat(browser.heading()).isEqualTo("Not found");
		browser.open(BASE + "/no/such/page");
		assertThat(browser.heading()).isEqualTo("Not found");
		assertThat(browser.text("body")).doesNotContain("Whitelabel").doesNotContain("Exception");
		browser.open(BASE + "/admin/policy");
		assertThat(browser.heading()).isEqualTo("Not allowed");

		// A session that has gone (expired, or ended on the server) is sent to sign in.
		browser.open(BASE + "/");
		browser.driver().manage().deleteCookieNamed("JSESSIONID");
		browser.driver().manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF"));
		browser.open(BASE + "/");
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
		assertThat(browser.text("main")).contains("Your session has expired").doesNotContain("Exception");
	}

	@Test
	@Order(6)
	void grantFormWhenTaskerUnreachableThenSaysSoAndLosesNothing() {
		browser.signIn("alice").open(BASE + "/");
		browser.clickAndWait(browser.link("laptop-codex"));
		cluster.sandbox().failNext(20, 503, "{\"error\":\"down\"}");
		try {
			browser.driver().navigate().refresh();
			assertThat(browser.text("[role=alert]")).contains("Tasker cannot be reached right now");
			// What the agent already has is still listed.
			assertThat(browser.text("main")).contains("WEB — Website");
		}
		finally {
			cluster.sandbox().clearFaults();
		}
	}

	// Memberships as the host records them (what a production Launcher learns from
	// Tasker).
	private static void bobInWeb(boolean active) {
		String body = "{\"workspace\":\"demo\",\"projectId\":\"" + cluster.sandbox().projectId("WEB")
				+ "\",\"email\":\"bob@launcher.local\",\"active\":" + active + "}";
		HttpResponse<String> response = node.send(node.as("admin", "/launcher/api/tasker-memberships")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static List<String> activityRows() {
		return browser.findAll("table.audit tbody tr").stream().map((row) -> row.getText()).toList();
	}

	private static String tokenRow(String token) {
		String hint = token.substring(token.length() - 4);
		return browser.findAll("table tbody tr")
			.stream()
			.map((row) -> row.getText())
			.filter((text) -> text.contains(hint))
			.findFirst()
			.orElseThrow();
	}

	private static String tokenIn(String text) {
		Matcher matcher = TOKEN.matcher(String.valueOf(text));
		return matcher.find() ? matcher.group() : null;
	}

}
