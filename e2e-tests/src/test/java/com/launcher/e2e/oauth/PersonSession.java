package com.launcher.e2e.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.launcher.e2e.LauncherNode;
import org.springframework.web.util.HtmlUtils;

/**
 * A person in a browser-like session (cookies, form login, the host's CSRF token),
 * without a browser: for the consent steps of tests whose subject is the protocol, not
 * the page. The page itself is driven in Chromium by
 * {@code OAuthConsentBrowserEndToEndTests}.
 */
final class PersonSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private final LauncherNode node;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private PersonSession(LauncherNode node) {
		this.node = node;
	}

	/** Signs a demo user in with the login form ({@code <name>-demo}). */
	static PersonSession signIn(LauncherNode node, String username) {
		PersonSession session = new PersonSession(node);
		HttpResponse<String> page = session.get(node.uri("/login"));
		HttpResponse<String> login = session.post(node.uri("/login"), Map.of("username", List.of(username), "password",
				List.of(username + "-demo"), "_csrf", List.of(csrf(page.body()))));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed for " + username + ": " + login.statusCode());
		}
		return session;
	}

	HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET());
	}

	HttpResponse<String> post(URI uri, Map<String, List<String>> form) {
		String body = form.entrySet()
			.stream()
			.flatMap((e) -> e.getValue()
				.stream()
				.map((v) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(v, StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Opens an authorization URL and answers the consent page.
	 * @param authorizationUrl the client's authorization request
	 * @param approve approve or deny
	 * @param agent an agent id of the person's, or {@code null} for a new one
	 * @param newAgentName the name of the new agent
	 * @param projects project id to {@code READ} or {@code WRITE}
	 * @return the answer to the form (a redirect on success)
	 */
	HttpResponse<String> consent(URI authorizationUrl, boolean approve, String agent, String newAgentName,
			Map<String, String> projects) {
		HttpResponse<String> page = get(authorizationUrl);
		if (page.statusCode() != 200) {
			throw new IllegalStateException("no consent page: " + page.statusCode() + " " + page.body());
		}
		return answer(page.body(), approve, agent, newAgentName, projects, true);
	}

	/** Posts the consent form of a page already fetched. */
	HttpResponse<String> answer(String consentPage, boolean approve, String agent, String newAgentName,
			Map<String, String> projects, boolean withCsrf) {
		Map<String, List<String>> form = new java.util.LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(consentPage);
		while (hidden.find()) {
			String name = HtmlUtils.htmlUnescape(hidden.group(1));
			if (withCsrf || !name.equals("_csrf")) {
				form.computeIfAbsent(name, (n) -> new ArrayList<>()).add(HtmlUtils.htmlUnescape(hidden.group(2)));
			}
		}
		form.put("decision", List.of(approve ? "approve" : "deny"));
		form.put("agent", List.of((agent != null) ? agent : "new"));
		if (newAgentName != null) {
			form.put("agentName", List.of(newAgentName));
		}
		projects.forEach((id, access) -> {
			form.computeIfAbsent("project", (n) -> new ArrayList<>()).add(id);
			form.put("access-" + id, List.of(access));
		});
		return post(this.node.uri("/plugins/agent-gateway/oauth/authorize"), form);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
