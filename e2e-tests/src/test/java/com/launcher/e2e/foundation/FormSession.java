package com.launcher.e2e.foundation;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session with a host, as far as HTTP goes: a cookie jar, the sign-in
 * form with its CSRF token, and requests that carry the session cookie.
 */
final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	FormSession(int port) {
		this.port = port;
	}

	/**
	 * Signs in through the form.
	 * @return whether the host accepted the credentials (redirected away from the form)
	 */
	boolean signIn(String username, String password) {
		String form = "_csrf=" + encode(csrfToken()) + "&username=" + encode(username) + "&password="
				+ encode(password);
		HttpResponse<String> response = send(
				request("/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		String location = response.headers().firstValue("Location").orElse("");
		return response.statusCode() == 302 && !location.contains("error");
	}

	/** A CSRF token of this session, as a page's form would carry it. */
	String csrfToken() {
		HttpResponse<String> page = send(request("/login").GET());
		Matcher matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		return matcher.group(1);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
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

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
