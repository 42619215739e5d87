package com.launcher.e2e.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page in a real browser (Debian's Chromium, headless): the Nimbus client
 * starts a code flow with PKCE, the person signs in through the host's login (which
 * brings them back to the authorization request), chooses a new agent and a project,
 * approves, and the browser delivers the code to the client's loopback redirect URI.
 */
class OAuthConsentBrowserEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static LoopbackServer client;

	private static WebDriver browser;

	private static Path profile;

	@BeforeAll
	static void start() throws IOException {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
		client = LoopbackServer.start();
		profile = Files.createTempDirectory("chromium-oauth");
		browser = chromium(profile);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		client.close();
		cluster.close();
	}

	@Test
	void codeFlowWhenPersonConsentsInTheBrowserThenTheClientActsAsTheChosenAgent() {
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
			.contains("ACTIVE");
		screenshot("oauth-agent-connections");
		assertThat(Map.of("token", answer.accessToken()))
			.allSatisfy((k, token) -> assertThat(browser.getPageSource()).doesNotContain(token));
	}

	private static WebDriver chromium(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
		// The machine's network is closed: no background traffic, no sync, no updates.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Paths.get(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static void screenshot(String name) {
		try {
			Path folder = Files.createDirectories(Paths.get("target", "screenshots"));
			Files.write(folder.resolve(name + ".png"),
					((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
