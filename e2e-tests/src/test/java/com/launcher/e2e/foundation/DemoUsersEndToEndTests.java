package com.launcher.e2e.foundation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.launcher.e2e.SharedPostgres;
import com.launcher.host.LauncherHostApplication;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.user.MybatisUserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 point 1 and issue 18 point 6, as an operator would meet them: a host run once
 * in demo mode on a data folder, then without demo mode on the same folder, refuses the
 * published demo passwords on every sign-in path (form, Basic, the token endpoint) and a
 * JWT minted for a demo user; demo mode on a configured database needs saying so; the
 * embedded PostgreSQL is durable unless a test turns that off.
 */
class DemoUsersEndToEndTests {

	private static final String JWT_SECRET = "e2e-demo-users-jwt-secret-0123456789abcdef";

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@TempDir
	Path work;

	@Test
	void restartWithoutDemoModeWhenDemoUsersSeededThenDemoPasswordsRefusedEverywhere() throws Exception {
		Path data = this.work.resolve("data");
		Path plugins = Files.createDirectories(this.work.resolve("plugins"));
		String demoJwt;
		try (ConfigurableApplicationContext demo = start(data, plugins, true)) {
			// Issue 18 point 6: the default embedded database is durable.
			assertThat(show(demo, "fsync")).isEqualTo("on");
			assertThat(show(demo, "synchronous_commit")).isEqualTo("on");
			int port = port(demo);
			assertThat(new FormSession(port).signIn("admin", "admin-demo")).isTrue();
			HttpResponse<String> token = send(
					basic(port, "/launcher/api/token", "admin").POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(token.statusCode()).isEqualTo(200);
			demoJwt = JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
		}
		try (ConfigurableApplicationContext production = start(data, plugins, false,
				"--launcher.tasker.base-url=http://127.0.0.1:9", "--launcher.tasker.api-key=unused",
				"--launcher.database.embedded-durable=false")) {
			assertThat(show(production, "fsync")).isEqualTo("off");
			int port = port(production);
			// A real user signs in as usual, so the refusals below are about demo users.
			PasswordEncoder encoder = production.getBean(PasswordEncoder.class);
			production.getBean(MybatisUserDirectory.class)
				.insert(new LauncherUser(UUID.randomUUID(), "operator", "Operator", "operator@launcher.local",
						UserStatus.ACTIVE, true), encoder.encode("operator-password"));
			assertThat(new FormSession(port).signIn("operator", "operator-password")).isTrue();
			for (String user : List.of("admin", "alice", "bob")) {
				FormSession browser = new FormSession(port);
				assertThat(browser.signIn(user, user + "-demo")).as("form " + user).isFalse();
				// The token endpoint, from that browser (with its CSRF token) and with
				// Basic.
				HttpResponse<String> fromBrowser = browser.send(browser.request("/launcher/api/token")
					.header("X-CSRF-TOKEN", browser.csrfToken())
					.POST(HttpRequest.BodyPublishers.noBody()));
				assertThat(fromBrowser.statusCode()).as("token from the form's session " + user).isEqualTo(401);
				HttpResponse<String> withBasic = send(
						basic(port, "/launcher/api/token", user).POST(HttpRequest.BodyPublishers.noBody()));
				assertThat(withBasic.statusCode()).as("token with Basic " + user).isIn(401, 403);
				assertThat(withBasic.body()).doesNotContain("access_token");
				assertThat(send(basic(port, "/launcher/api/users", user).GET()).statusCode()).as("basic " + user)
					.isIn(401, 403);
			}
			assertThat(send(request(port, "/launcher/api/users").header("Authorization", "Bearer " + demoJwt).GET())
				.statusCode()).as("demo JWT").isEqualTo(401);
		}
	}

	@Test
	void startInDemoModeWhenDatabaseIsConfiguredThenRefusedUnlessAllowed() throws Exception {
		Path plugins = Files.createDirectories(this.work.resolve("plugins"));
		String url = SharedPostgres.newDatabase();
		List<Throwable> causes = new ArrayList<>();
		assertThatThrownBy(() -> start(this.work.resolve("external"), plugins, true, "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres"))
			.satisfies((ex) -> {
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					causes.add(cause);
				}
			});
		assertThat(causes)
			.anySatisfy((cause) -> assertThat(cause.getMessage()).contains("launcher.database.allow-demo-mode"));
	}

	private static ConfigurableApplicationContext start(Path data, Path plugins, boolean demo, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--launcher.demo=" + demo, "--launcher.data-dir=" + data, "--launcher.plugins.dir=" + plugins,
				"--launcher.security.jwt-secret=" + JWT_SECRET));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(LauncherHostApplication.class).run(args.toArray(String[]::new));
	}

	private static String show(ConfigurableApplicationContext context, String setting) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SHOW " + setting, String.class);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	private static HttpRequest.Builder basic(int port, String path, String user) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
		return request(port, path).header("Authorization", "Basic " + credentials);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
