package com.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.launcher.host.plugin.PluginHost;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running reference host, with a small HTTP client that speaks to it as a user would.
 */
public final class LauncherNode implements AutoCloseable {

	public static final UUID ADMIN_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

	public static final UUID ALICE_ID = UUID.fromString("00000000-0000-4000-8000-000000000002");

	public static final UUID BOB_ID = UUID.fromString("00000000-0000-4000-8000-000000000003");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	LauncherNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	public PluginHost pluginHost() {
		return this.context.getBean(PluginHost.class);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** A request signed in with HTTP Basic as a demo user ({@code <name>-demo}). */
	public HttpRequest.Builder as(String username, String path) {
		String basic = Base64.getEncoder()
			.encodeToString((username + ":" + username + "-demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + basic);
	}

	public HttpRequest.Builder anonymous(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
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

	public HttpResponse<String> get(String username, String path) {
		return send(as(username, path).GET());
	}

	public HttpResponse<String> post(String username, String path, String json) {
		return send(as(username, path).header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	// ---- gateway shortcuts used by many tests

	public static final String API = "/plugins/agent-gateway/api/v1";

	public UUID createAgent(String owner, String name) {
		HttpResponse<String> response = post(owner, API + "/agents", "{\"name\":\"" + name + "\"}");
		require(response, 201);
		return UUID.fromString(json(response).get("id").asString());
	}

	public UUID projectId(String owner, String identifier) {
		HttpResponse<String> response = get(owner, API + "/tasker/projects?workspace=demo");
		require(response, 200);
		for (JsonNode project : json(response)) {
			if (project.get("identifier").asString().equals(identifier)) {
				return UUID.fromString(project.get("id").asString());
			}
		}
		throw new IllegalStateException(owner + " cannot grant " + identifier);
	}

	public UUID grant(String owner, UUID agentId, UUID projectId, String access) {
		HttpResponse<String> response = post(owner, API + "/agents/" + agentId + "/grants",
				"{\"workspace\":\"demo\",\"projectId\":\"" + projectId + "\",\"access\":\"" + access + "\"}");
		require(response, 201);
		return UUID.fromString(json(response).get("id").asString());
	}

	/** Mints a token; answers {@code [tokenId, secret]}. */
	public String[] mint(String owner, UUID agentId) {
		HttpResponse<String> response = post(owner, API + "/agents/" + agentId + "/tokens", "{\"expiresInDays\":7}");
		require(response, 201);
		JsonNode body = json(response);
		return new String[] { body.get("id").asString(), body.get("token").asString() };
	}

	/** A raw request to the MCP endpoint with a bearer token. */
	public HttpResponse<String> mcp(String token, String jsonRpc) {
		HttpRequest.Builder request = anonymous("/plugins/agent-gateway/mcp").header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(jsonRpc));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	static void require(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"Expected " + status + " but got " + response.statusCode() + ": " + response.body());
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
