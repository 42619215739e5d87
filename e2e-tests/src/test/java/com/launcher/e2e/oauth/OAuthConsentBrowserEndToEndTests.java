package com.launcher.e2e.oauth;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.browser.Browser;
import com.launcher.e2e.browser.SharedBrowser;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page in a real browser (Debian's Chromium, headless, the host and browser
 * the page tests share: {@link SharedBrowser}): the Nimbus client starts a code flow with
 * PKCE, the person signs in through the host's login (which brings them back to the
 * authorization request), chooses a new agent and a project, approves, and the browser
 * delivers the code to the client's loopback redirect URI.
 */
@Order(4)
@ExtendWith(SharedBrowser.class)
class OAuthConsentBrowserEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static LoopbackServer client;

	private static Browser shared;

	private static WebDriver browser;

	@BeforeAll
	static void start() {
		cluster = SharedBrowser.cluster();
		node = SharedBrowser.node();
		shared = SharedBrowser.browser();
		browser = shared.driver();
		client = LoopbackServer.start();
	}

	@AfterAll
	static void stop() {
		client.close();
	}

	@Test
	void codeFlowWhenPersonConsentsInTheBrowserThenTheClientActsAsTheChosenAgent() {
		// The shared browser may still hold another class's session: start signed out.
		shared.width(Browser.WIDE).signOut();
		AuthorizationServerMetadata metadata = OAuthClients.discover(node);
		URI redirectUri = client.url("/callback");
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Browser test client", redirectUri);
		CodeVerifier verifier = new CodeVerifier();
		State state = new State();
		URI resource = OAuthClients.resource(node);
		String web = node.projectId("alice", "WEB").toString();

		browser
			.get(OAuthClients.authorizationUrl(metadata, registered.clientId(), redirectUri, verifier, resource, state)
				.toString());
		// The host's login, then its saved request brings the person back.
		browser.findElement(By.id("username")).sendKeys("alice");
		browser.findElement(By.id("password")).sendKeys("alice-demo");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((d) -> !d.findElements(By.id("consent")).isEmpty());

		assertThat(browser.findElement(By.id("client-name")).getText()).isEqualTo("Browser test client");
		assertThat(browser.findElement(By.id("redirect-uri")).getText()).isEqualTo(redirectUri.toString());
		// Issue 17: axe-core on every page, the consent page included.
		assertThat(shared.seriousAccessibilityViolations()).as("axe-core on the consent page").isEmpty();
		browser.findElement(By.id("agent-new")).click();
		browser.findElement(By.id("agentName")).clear();
		browser.findElement(By.id("agentName")).sendKeys("browser-agent");
		browser.findElement(By.id("project-" + web)).click();
		new Select(browser.findElement(By.id("access-" + web))).selectByValue("WRITE");
		screenshot("oauth-consent");
		browser.findElement(By.id("approve")).click();

		URI callback = client.nextCallback();
		AuthorizationSuccessResponse success;
		try {
			success = AuthorizationResponse.parse(callback).toSuccessResponse();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(success.getState()).isEqualTo(state);
		assertThat(success.getIssuer().getValue()).isEqualTo(metadata.getIssuer().getValue());
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((d) -> !d.findElements(By.id("done")).isEmpty());

		OAuthClients.Answer answer = OAuthClients.exchange(metadata, registered.clientId(),
				success.getAuthorizationCode().getValue(), redirectUri, verifier, resource);
		assertThat(answer.error()).as(answer.response().getBody()).isNull();
		HttpResponse<String> whoami = node.mcp(answer.accessToken(),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}");
		assertThat(whoami.body()).contains("browser-agent").contains("alice@launcher.local").contains("WRITE");
		UUID agent = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, "browser-agent");
		assertThat(cluster.jdbc()
			.queryForObject("SELECT access FROM agw_grant WHERE agent_id = ? AND project_id = ?", String.class, agent,
					UUID.fromString(web)))
			.isEqualTo("WRITE");

		// The agent page shows the connection with the client's name.
		browser.get(node.uri("/plugins/agent-gateway/agents/" + agent).toString());
		assertThat(browser.findElement(By.id("oauth-connections")).getText()).contains("Browser test client")
			.contains("Active");
		screenshot("oauth-agent-connections");
		assertThat(Map.of("token", answer.accessToken()))
			.allSatisfy((k, token) -> assertThat(browser.getPageSource()).doesNotContain(token));
	}

	private static void screenshot(String name) {
		shared.screenshot(name);
	}

}
