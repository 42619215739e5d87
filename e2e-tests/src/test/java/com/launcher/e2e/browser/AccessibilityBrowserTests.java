package com.launcher.e2e.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static com.launcher.e2e.browser.AgentCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page state: axe-core finds no serious or critical violation (at 1280 px), nothing
 * is wider than a 400 px screen, and a screenshot of both widths is kept under
 * {@code target/screenshots/}; and the main flow works with the keyboard alone.
 */
@Order(3)
@ExtendWith(SharedBrowser.class)
class AccessibilityBrowserTests {

	private static final String BASE = "/plugins/agent-gateway";

	private static LauncherNode node;

	private static Browser browser;

	private static UUID agent;

	@BeforeAll
	static void start() {
		node = SharedBrowser.node();
		browser = SharedBrowser.browser();
		// A page with something on every section: a grant, a used and a revoked token,
		// allowed and refused calls, a progress report.
		agent = node.createAgent("alice", "a11y-agent");
		UUID web = node.projectId("alice", "WEB");
		node.grant("alice", agent, web, "WRITE");
		String[] revoked = node.mint("alice", agent);
		node.post("alice", LauncherNode.API + "/agents/" + agent + "/tokens/" + revoked[0] + "/revoke", null);
		String token = node.mint("alice", agent)[1];
		AgentCalls.ok(node, token, "whoami", args());
		AgentCalls.ok(node, token, "list_states", args("project_id", node.projectId("alice", "OPS").toString()));
		AgentCalls.ok(node, token, "report_progress", args("project_id", web.toString(), "idempotency_key",
				AgentCalls.key(), "work_item_id", "WEB-1", "status", "working", "summary", "Reading the login bug"));
	}

	@Test
	void everyPageWhenCheckedAtBothWidthsThenNoSeriousOrCriticalViolationAndNothingWiderThanTheScreen() {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		for (int width : List.of(Browser.WIDE, Browser.NARROW)) {
			browser.width(width);
			browser.signOut();
			check("login", () -> browser.open("/login"), problems);
			browser.signIn("alice");
			check("my-agents", () -> browser.open(BASE + "/"), problems);
			check("agent", () -> browser.open(BASE + "/agents/" + agent), problems);
			check("connect", () -> browser.open(BASE + "/agents/" + agent + "/connect"), problems);
			check("connect-minted", () -> browser.clickAndWait(browser.button("Mint token")), problems);
			check("create-error", () -> {
				browser.open(BASE + "/");
				browser.clickAndWait(browser.button("Create agent"));
			}, problems);
			check("not-found", () -> browser.open(BASE + "/agents/" + UUID.randomUUID()), problems);
			check("not-allowed", () -> browser.open(BASE + "/admin/agents"), problems);
			check("host-not-found", () -> browser.open("/no-such-page"), problems);
			browser.signIn("admin");
			check("my-agents-empty", () -> browser.open(BASE + "/"), problems);
			check("admin-agents", () -> browser.open(BASE + "/admin/agents"), problems);
			check("policy", () -> browser.open(BASE + "/admin/policy"), problems);
			check("policy-error", () -> {
				WebElement field = browser.find("#burstSeconds");
				field.clear();
				field.sendKeys("0");
				browser.clickAndWait(browser.button("Save policy"));
			}, problems);
			check("audit", () -> browser.open(BASE + "/admin/audit?verify=true"), problems);
			check("reporting", () -> browser.open(BASE + "/admin/reporting"), problems);
			check("tasker-budget", () -> browser.open(BASE + "/admin/tasker-budget"), problems);
			check("admin-on-agent", () -> browser.open(BASE + "/agents/" + agent), problems);
		}
		assertThat(problems).as("axe-core serious/critical violations and overflow, by page").isEmpty();
	}

	// The check above must be able to fail: a page with an unlabelled field and an image
	// without text has critical violations.
	@Test
	void seriousAccessibilityViolationsWhenFieldsHaveNoLabelsThenReported() {
		browser.width(Browser.WIDE);
		browser.driver().get("data:text/html,<html lang=en><title>t</title><main><img src=x><input></main></html>");
		assertThat(browser.seriousAccessibilityViolations()).anySatisfy((v) -> assertThat(v).contains("image-alt"))
			.anySatisfy((v) -> assertThat(v).contains("label"));
	}

	@Test
	void mainFlowWhenKeyboardOnlyThenSignInCreateConnectMintAndCopyAllWork() {
		browser.width(Browser.WIDE);
		browser.signOut();
		// Signed out, the pages send a person to sign in, and back to the page after.
		browser.open(BASE + "/");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
		browser.tabTo((e) -> "username".equals(e.getAttribute("id")), 5, "the user name").sendKeys("bob");
		browser.press(Keys.TAB).focused().sendKeys("bob-demo");
		pressEnterAndWait();
		assertThat(browser.heading()).isEqualTo("My agents");

		// The first stop is the skip link, and it leads into the page's content.
		WebElement skip = browser.tabTo((e) -> e.getText().equals("Skip to the content"), 1, "the skip link");
		assertThat(outline(skip)).isNotEqualTo("none");
		browser.press(Keys.ENTER);
		// Past one link per agent bob has: the host is shared, and other classes gave him
		// some.
		WebElement name = browser.tabTo((e) -> "name".equals(e.getAttribute("id")), 100, "the name field");
		name.sendKeys("keyboard-agent");
		pressEnterAndWait();
		assertThat(browser.heading()).isEqualTo("keyboard-agent");

		WebElement grant = browser.tabTo((e) -> e.getText().equals("Grant"), 20, "the Grant button");
		assertThat(outline(grant)).isNotEqualTo("none");
		pressEnterAndWait();
		assertThat(browser.text(".notice")).isEqualTo("The project is granted.");
		browser.tabTo((e) -> e.getText().equals("Connect Codex"), 20, "the Connect link");
		pressEnterAndWait();
		browser.tabTo((e) -> e.getText().equals("Mint token"), 40, "the Mint button");
		pressEnterAndWait();
		String exportLine = browser.text("#export-line");
		assertThat(exportLine).startsWith("export TASKER_AGENT_TOKEN=agw_");
		browser.tabTo((e) -> e.getText().equals("Copy the export line"), 20, "the copy button");
		browser.press(Keys.ENTER);
		browser.waitFor((d) -> exportLine.equals(browser.clipboard()));
		browser.screenshot("connect-keyboard");
	}

	private static void pressEnterAndWait() {
		browser.pressAndWait(Keys.ENTER);
	}

	private static String outline(WebElement element) {
		return element.getCssValue("outline-style");
	}

	// axe reads the page's markup, which is the same at both widths (only the style
	// sheet's media query differs), so it runs once per page state, at the wide width;
	// the narrow width is checked for what it changes: nothing may be wider than the
	// screen.
	private static void check(String name, Runnable open, Map<String, List<String>> problems) {
		open.run();
		List<String> found = new ArrayList<>();
		if (browser.width() == Browser.WIDE) {
			found.addAll(browser.seriousAccessibilityViolations());
		}
		else if (browser.overflowsHorizontally()) {
			found.add("wider than " + Browser.NARROW + " px");
		}
		browser.screenshot(name);
		if (!found.isEmpty()) {
			problems.put(name + "@" + browser.width(), found);
		}
	}

}
