package com.launcher.agentgateway.web.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.oauth.ClientMetadata;
import com.launcher.agentgateway.oauth.OAuthError;
import com.launcher.agentgateway.oauth.OAuthException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SSRF guards of the metadata-document fetcher, against a server on the loopback
 * address (allowed only when the setting says so) and against address literals, which
 * need no name resolution: nothing here reaches beyond this machine.
 */
class HttpClientMetadataDocumentsTests {

	private static HttpServer server;

	private static final AtomicInteger HITS = new AtomicInteger();

	private static final ExecutorService RESOLVER = Executors.newFixedThreadPool(2);

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		serve("/good.json", 200, "application/json", document("/good.json"), 0);
		serve("/moved.json", 302, "application/json", "{}", 0);
		serve("/missing.json", 404, "application/json", "{}", 0);
		serve("/page.json", 200, "text/html", "<html></html>", 0);
		serve("/huge.json", 200, "application/json", "{\"a\":\"" + "x".repeat(20_000) + "\"}", 0);
		serve("/broken.json", 200, "application/json", "{\"redirect_uris\":", 0);
		serve("/slow.json", 200, "application/json", document("/slow.json"), 4_000);
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
		RESOLVER.shutdownNow();
	}

	@Test
	void fetchWhenLoopbackAllowedThenParsedWithTheSdk() {
		ClientMetadata metadata = fetcher(true).fetch(url("/good.json"));
		assertThat(metadata.clientId()).isEqualTo(url("/good.json"));
		assertThat(metadata.clientName()).isEqualTo("Loopback client");
		assertThat(metadata.redirectUris()).containsExactly("http://127.0.0.1/callback");
		assertThat(metadata.tokenEndpointAuthMethod()).isEqualTo("none");
		assertThat(metadata.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
	}

	@Test
	void fetchWhenAnswerIsNotAUsableDocumentThenInvalidClientWithTheReason() {
		Map<String, String> cases = Map.of("/moved.json", "metadata_status", "/missing.json", "metadata_status",
				"/page.json", "metadata_not_json", "/huge.json", "metadata_too_large", "/broken.json",
				"metadata_malformed", "/slow.json", "metadata_unreachable");
		HttpClientMetadataDocuments fetcher = fetcher(true);
		cases.forEach((path, reason) -> assertThatExceptionOfType(OAuthException.class).as(path)
			.isThrownBy(() -> fetcher.fetch(url(path)))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_CLIENT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason)));
	}

	@Test
	void fetchWhenUrlIsNotAnHttpsDocumentUrlThenRefusedWithoutAnyRequest() {
		int before = HITS.get();
		for (String url : List.of(url("/good.json"), "http://example.com/client.json", "https://example.com",
				"https://example.com/", "https://example.com/c.json?x=1", "https://example.com/c.json#f",
				"https://user@example.com/c.json", "https://example.com/a/../c.json", "ftp://example.com/c.json",
				"not a url")) {
			assertThatExceptionOfType(OAuthException.class).as(url)
				.isThrownBy(() -> fetcher(false).fetch(url))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("metadata_url_invalid"));
		}
		assertThat(HITS.get()).isEqualTo(before);
	}

	@Test
	void fetchWhenNameResolvesToAnInternalAddressThenRefusedBeforeConnecting() {
		int before = HITS.get();
		for (String url : List.of("https://localhost:" + server.getAddress().getPort() + "/good.json",
				"https://127.0.0.1:" + server.getAddress().getPort() + "/good.json", "https://10.1.2.3/c.json",
				"https://[::1]/c.json", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/c.json",
				"https://[::ffff:192.168.1.1]/c.json", "https://0.0.0.0/c.json", "https://100.64.0.1/c.json")) {
			assertThatExceptionOfType(OAuthException.class).as(url)
				.isThrownBy(() -> fetcher(true).fetch(url))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("metadata_address_not_public"));
		}
		assertThat(HITS.get()).as("no request was sent").isEqualTo(before);
	}

	@Test
	void isInternalWhenEachReservedRangeThenTrueAndPublicAddressesFalse() throws IOException {
		for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.1.1",
				"100.64.0.1", "100.127.255.255", "0.1.2.3", "192.0.0.8", "198.18.0.1", "224.0.0.1", "240.0.0.1",
				"255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1",
				"::ffff:127.0.0.1")) {
			assertThat(HttpClientMetadataDocuments.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
		}
		for (String external : List.of("93.184.216.34", "100.63.255.255", "100.128.0.1", "172.32.0.1", "192.0.2.1",
				"2001:db8::1", "2606:4700::1111")) {
			assertThat(HttpClientMetadataDocuments.isInternal(InetAddress.getByName(external))).as(external).isFalse();
		}
	}

	private static HttpClientMetadataDocuments fetcher(boolean allowLoopback) {
		return new HttpClientMetadataDocuments(RESOLVER, Duration.ofSeconds(2), allowLoopback);
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static String document(String path) {
		return "{\"client_id\":\"" + url(path) + "\",\"client_name\":\"Loopback client\","
				+ "\"redirect_uris\":[\"http://127.0.0.1/callback\"],\"token_endpoint_auth_method\":\"none\","
				+ "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}";
	}

	private static void serve(String path, int status, String type, String body, long delayMillis) {
		server.createContext(path, (exchange) -> {
			HITS.incrementAndGet();
			if (delayMillis > 0) {
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", type);
			if (status == 302) {
				exchange.getResponseHeaders().set("Location", "/good.json");
			}
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
			catch (IOException ex) {
				// The fetcher gave up first.
			}
		});
	}

}
