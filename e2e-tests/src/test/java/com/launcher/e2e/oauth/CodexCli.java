package com.launcher.e2e.oauth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.e2e.TempFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI Codex CLI from the npm registry, as a user runs it: {@code codex mcp login} with
 * the file credential store (no keyring on this machine) and {@code codex
 * app-server} over stdio for listing and calling a server's tools without a model. Each
 * instance has its own {@code CODEX_HOME}, set up so that Codex reaches nothing but
 * loopback: no update check, no analytics, a model provider on a closed local port.
 */
final class CodexCli implements AutoCloseable {

	/** The version tested (mcp.md, "Real clients"). */
	static final String VERSION = "0.169.0";

	private static final Pattern AUTHORIZATION_URL = Pattern
		.compile("(http://127\\.0\\.0\\.1:\\d+/\\S*/oauth/authorize\\S*)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path binary;

	private final Path home;

	private final List<Process> processes = new ArrayList<>();

	private CodexCli(Path binary, Path home) {
		this.binary = binary;
		this.home = home;
	}

	/**
	 * A Codex with its own home whose {@code config.toml} is the given MCP server
	 * configuration (the instruction pack's snippet) after the offline settings.
	 */
	static CodexCli withConfig(String mcpServers) {
		try {
			Path home = Files.createTempDirectory("codex-home");
			Files.writeString(home.resolve("config.toml"), """
					mcp_oauth_credentials_store = "file"
					check_for_update_on_startup = false
					model_provider = "offline"

					[analytics]
					enabled = false

					[model_providers.offline]
					name = "offline"
					base_url = "http://127.0.0.1:9/v1"

					""" + mcpServers);
			return new CodexCli(binary(), home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The installed binary: {@code -De2e.codex=…}, else {@code target/codex}, installed
	 * there with npm on first use.
	 */
	static synchronized Path binary() {
		String configured = System.getProperty("e2e.codex");
		if (configured != null && !configured.isBlank()) {
			return Paths.get(configured);
		}
		Path prefix = Paths.get("target", "codex").toAbsolutePath();
		Path bin = prefix.resolve("node_modules/.bin/codex");
		if (!Files.isExecutable(bin)) {
			run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
					"@openai/codex@" + VERSION), Duration.ofMinutes(8));
		}
		return bin;
	}

	Path home() {
		return this.home;
	}

	/**
	 * Starts {@code codex mcp login tasker --no-browser}; its standard input stays open.
	 */
	Login login(String registration) {
		Process process = start(List.of(this.binary.toString(), "mcp", "login", "tasker", "--no-browser",
				"--oauth-client-registration", registration));
		return new Login(process, lines(process));
	}

	/** Starts {@code codex app-server} and initialises it. */
	AppServer appServer() {
		Process process = start(List.of(this.binary.toString(), "app-server"));
		AppServer server = new AppServer(process, lines(process));
		server.request("initialize", Map.of("clientInfo", Map.of("name", "e2e", "version", "1"), "capabilities",
				Map.of("experimentalApi", true, "requestAttestation", false)));
		server.notify("initialized");
		return server;
	}

	private Process start(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("CODEX_HOME", this.home.toString());
		builder.environment().put("NO_COLOR", "1");
		builder.redirectError(this.home.resolve("stderr-" + this.processes.size() + ".log").toFile());
		try {
			Process process = builder.start();
			this.processes.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BlockingQueue<String> lines(Process process) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		}, "codex-output");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private static void run(List<String> command, Duration timeout) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("npm is needed to install Codex CLI for this test", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String next(BlockingQueue<String> lines, Duration timeout) {
		try {
			return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Ends the processes this Codex started and removes its home, which holds the tokens
	 * {@code codex mcp login} stored in a file: none may outlive the test.
	 */
	@Override
	public void close() {
		for (Process process : this.processes) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		try {
			for (Process process : this.processes) {
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			TempFolders.remove(this.home);
		}
	}

	/** A running {@code codex mcp login}. */
	static final class Login {

		private final Process process;

		private final BlockingQueue<String> lines;

		private final List<String> output = new ArrayList<>();

		Login(Process process, BlockingQueue<String> lines) {
			this.process = process;
			this.lines = lines;
		}

		/** The authorization URL Codex prints for the person to open. */
		String authorizationUrl() {
			long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < end) {
				String line = next(this.lines, Duration.ofMillis(500));
				if (line != null) {
					this.output.add(line);
					Matcher matcher = AUTHORIZATION_URL.matcher(line);
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
				else if (!this.process.isAlive()) {
					break;
				}
			}
			throw new IllegalStateException("Codex printed no authorization URL: " + this.output);
		}

		/** Waits for Codex to finish; answers its exit code and everything it printed. */
		String finish() {
			try {
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("Codex did not finish: " + this.output);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			for (String line = next(this.lines, Duration.ofMillis(200)); line != null; line = next(this.lines,
					Duration.ofMillis(200))) {
				this.output.add(line);
			}
			return "exit " + this.process.exitValue() + "\n" + String.join("\n", this.output);
		}

	}

	/** {@code codex app-server}: JSON-RPC over stdio, one message a line. */
	static final class AppServer {

		private final Process process;

		private final BlockingQueue<String> lines;

		private int nextId = 1;

		AppServer(Process process, BlockingQueue<String> lines) {
			this.process = process;
			this.lines = lines;
		}

		JsonNode request(String method, Object params) {
			int id = this.nextId++;
			write(Map.of("id", id, "method", method, "params", params));
			long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (System.nanoTime() < end) {
				String line = next(this.lines, Duration.ofMillis(500));
				if (line == null) {
					if (!this.process.isAlive()) {
						break;
					}
					continue;
				}
				JsonNode message = JSON.readTree(line);
				if (message.path("id").isNumber() && message.path("id").asInt() == id) {
					if (message.has("error")) {
						throw new IllegalStateException(method + " failed: " + message.get("error"));
					}
					return message.get("result");
				}
			}
			throw new IllegalStateException("no answer to " + method);
		}

		void notify(String method) {
			write(Map.of("method", method));
		}

		private void write(Map<String, Object> message) {
			try {
				OutputStream in = this.process.getOutputStream();
				in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
				in.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
