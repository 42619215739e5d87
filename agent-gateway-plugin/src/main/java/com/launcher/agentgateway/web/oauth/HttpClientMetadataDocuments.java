package com.launcher.agentgateway.web.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.launcher.agentgateway.oauth.ClientMetadata;
import com.launcher.agentgateway.oauth.ClientMetadataDocuments;
import com.launcher.agentgateway.oauth.OAuthError;
import com.launcher.agentgateway.oauth.OAuthException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import net.minidev.json.JSONObject;

/**
 * Fetches client metadata documents, the one place the gateway reaches out to a URL a
 * client chose (an SSRF surface, OWASP API7). The URL must be HTTPS with a path and no
 * user information, query or fragment (HTTP only on loopback, and only when allowed for
 * development and tests). Every address its name resolves to must be public: loopback,
 * private, link-local, shared (CGNAT), multicast and unspecified ranges are refused after
 * resolution, in both IPv4 and IPv6 forms. No redirect is followed, the whole exchange is
 * bounded in time (name resolution included) and the body in size, and the answer must be
 * JSON.
 *
 * <p>
 * The connection resolves the name again; the JVM's address cache (30 s by default)
 * answers that second lookup with the addresses just checked, which closes the window a
 * DNS-rebinding attacker would need. A host that disables that cache should turn metadata
 * documents off.
 */
public class HttpClientMetadataDocuments implements ClientMetadataDocuments {

	/** Client metadata documents are small; MCP clients' are under 1 KiB. */
	static final int MAX_BYTES = 16 * 1024;

	private final HttpClient http;

	private final ExecutorService resolver;

	private final Duration timeout;

	private final boolean allowLoopback;

	/**
	 * @param resolver runs name resolution, so that it can be bounded in time
	 * @param timeout the bound on resolution, connection and the whole answer
	 * @param allowLoopback whether HTTP on a loopback address is fetched (development and
	 * tests only)
	 */
	public HttpClientMetadataDocuments(ExecutorService resolver, Duration timeout, boolean allowLoopback) {
		this.resolver = resolver;
		this.timeout = timeout;
		this.allowLoopback = allowLoopback;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public ClientMetadata fetch(String clientId) {
		URI uri = acceptableUrl(clientId);
		checkAddresses(uri);
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(uri)
				.timeout(this.timeout)
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw refused("metadata_status", "The client metadata document could not be fetched.");
			}
			String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
			if (!type.startsWith("application/json") && !type.matches("application/[a-z0-9.+-]*\\+json.*")) {
				throw refused("metadata_not_json", "The client metadata document is not JSON.");
			}
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw refused("metadata_too_large", "The client metadata document is too large.");
			}
			return parse(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
	}

	private static ClientMetadata parse(String json) {
		try {
			JSONObject object = JSONObjectUtils.parse(json);
			com.nimbusds.oauth2.sdk.client.ClientMetadata parsed = com.nimbusds.oauth2.sdk.client.ClientMetadata
				.parse(object);
			return NimbusMessages.clientMetadata(parsed, JSONObjectUtils.getString(object, "client_id", null));
		}
		catch (ParseException ex) {
			throw refused("metadata_malformed", "The client metadata document is not valid client metadata.");
		}
	}

	private URI acceptableUrl(String clientId) {
		URI uri;
		try {
			uri = new URI(clientId);
		}
		catch (URISyntaxException ex) {
			throw refused("metadata_url_invalid", "The client_id is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		boolean loopbackHttp = scheme.equals("http") && this.allowLoopback && host != null && isLoopbackName(host);
		// CIMD: an HTTPS URL with a path component, and nothing a server could vary by.
		if (!(scheme.equals("https") || loopbackHttp) || host == null || uri.getRawUserInfo() != null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null
				|| uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") || uri.getRawPath().contains("/./")
				|| uri.getRawPath().contains("/../")) {
			throw refused("metadata_url_invalid",
					"The client_id must be an HTTPS URL with a path, without query or fragment.");
		}
		return uri;
	}

	private void checkAddresses(URI uri) {
		String host = uri.getHost();
		String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
			try {
				return InetAddress.getAllByName(name);
			}
			catch (UnknownHostException ex) {
				return new InetAddress[0];
			}
		}, this.resolver);
		InetAddress[] addresses;
		try {
			addresses = lookup.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			lookup.cancel(true);
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
		if (addresses.length == 0) {
			throw refused("metadata_unreachable", "The client metadata document could not be fetched.");
		}
		boolean loopbackAllowed = this.allowLoopback && "http".equalsIgnoreCase(uri.getScheme());
		for (InetAddress address : addresses) {
			boolean allowedLoopback = loopbackAllowed && address.isLoopbackAddress();
			if (!allowedLoopback && isInternal(address)) {
				throw refused("metadata_address_not_public",
						"The client metadata document is not on a public address.");
			}
		}
	}

	/** Whether an address is anything but a public unicast one. */
	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			int first = bytes[0] & 0xff;
			// fc00::/7 unique local; IPv4-mapped and -compatible forms are judged as
			// IPv4.
			if ((first & 0xfe) == 0xfc) {
				return true;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped
					&& ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
				try {
					return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
			return false;
		}
		if (address instanceof Inet4Address) {
			int a = bytes[0] & 0xff;
			int b = bytes[1] & 0xff;
			// 0/8, 100.64/10 (shared, CGNAT), 192.0.0/24, 198.18/15 (benchmarking),
			// 240/4 (reserved) and the broadcast address.
			return a == 0 || (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0)
					|| (a == 198 && (b == 18 || b == 19)) || a >= 240;
		}
		return true;
	}

	private static boolean isLoopbackName(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.equals("[::1]") || h.startsWith("127.");
	}

	private static OAuthException refused(String reason, String description) {
		return new OAuthException(OAuthError.INVALID_CLIENT, reason, description);
	}

}
