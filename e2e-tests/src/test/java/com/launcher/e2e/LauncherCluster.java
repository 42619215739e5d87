package com.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.host.LauncherHostApplication;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One or more reference hosts (nodes) sharing one fresh PostgreSQL database and one
 * Tasker sandbox, each running the built plugin zip, on random loopback ports. Close it
 * to stop everything it started.
 */
public final class LauncherCluster implements AutoCloseable {

	/** A fixed test pepper: every node of a cluster must hash tokens alike. */
	public static final String PEPPER = "e2e-pepper-0123456789abcdef0123456789abcdef";

	/** The audit chain's key: one for every node, as the chain is one across nodes. */
	public static final String AUDIT_CHAIN_KEY = "e2e-audit-chain-key-0123456789abcdef01234567";

	private static final AtomicInteger CLUSTERS = new AtomicInteger();

	private final String jdbcUrl;

	private final TaskerSandbox sandbox;

	private final Path workDir;

	private final List<LauncherNode> nodes = new ArrayList<>();

	private final Map<String, Object> extraProperties;

	private LauncherCluster(String jdbcUrl, SandboxOptions sandboxOptions, Map<String, Object> extraProperties) {
		this.jdbcUrl = jdbcUrl;
		this.sandbox = TaskerSandbox.start(sandboxOptions);
		this.extraProperties = extraProperties;
		try {
			this.workDir = Files.createDirectories(Paths.get(System.getProperty("e2e.workDir", "target/e2e-work"))
				.resolve("cluster-" + CLUSTERS.incrementAndGet() + "-" + ProcessHandle.current().pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cluster whose sandbox has test controls and a limit high enough not to matter.
	 */
	public static LauncherCluster start(int nodes) {
		return start(nodes, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)), Map.of());
	}

	public static LauncherCluster start(int nodes, SandboxOptions sandboxOptions, Map<String, Object> properties) {
		return startOn(SharedPostgres.newDatabase(), nodes, sandboxOptions, properties);
	}

	/**
	 * A cluster on a database of the test's own (a server it may stop and resume, say).
	 */
	public static LauncherCluster startOn(String jdbcUrl, int nodes, SandboxOptions sandboxOptions,
			Map<String, Object> properties) {
		LauncherCluster cluster = new LauncherCluster(jdbcUrl, sandboxOptions, properties);
		try {
			for (int i = 0; i < nodes; i++) {
				cluster.addNode(List.of(pluginZip()));
			}
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/** The plugin zip built by the reactor (never classes on the test class path). */
	public static Path pluginZip() {
		Path zip = Paths.get(System.getProperty("agentGateway.zip", "target/plugin-zip/agent-gateway.zip"));
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException("Build the plugin first: " + zip + " is missing");
		}
		return zip;
	}

	/** Starts another node with the given plugin zips in its plugin folder. */
	public LauncherNode addNode(List<Path> zips) {
		return addNode(zips, Map.of());
	}

	/**
	 * Starts another node with the given plugin zips and properties of its own (over the
	 * cluster's).
	 */
	public LauncherNode addNode(List<Path> zips, Map<String, Object> nodeProperties) {
		int index = this.nodes.size() + 1;
		Path nodeDir = this.workDir.resolve("node-" + index);
		Path plugins = nodeDir.resolve("plugins");
		try {
			Files.createDirectories(plugins);
			for (Path zip : zips) {
				Files.copy(zip, plugins.resolve(zip.getFileName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", 0);
		properties.put("server.address", "127.0.0.1");
		properties.put("launcher.demo", true);
		properties.put("launcher.data-dir", nodeDir.resolve("data").toString());
		properties.put("launcher.plugins.dir", plugins.toString());
		properties.put("spring.datasource.url", this.jdbcUrl);
		properties.put("spring.datasource.username", "postgres");
		properties.put("launcher.tasker.base-url", this.sandbox.baseUrl().toString());
		properties.put("launcher.tasker.api-key", this.sandbox.demoApiKey());
		properties.put("launcher.tasker.rate-limit-per-minute", 100_000);
		// The plugin's shared Tasker budget too: tests that are not about it must not
		// wait for it (the budget's own tests set Plane's sizes).
		properties.put("agent-gateway.tasker-budget.per-minute", 100_000);
		properties.put("agent-gateway.tasker-budget.burst", 10_000);
		// Reads straight from Tasker, and no background sync: tests that count Tasker
		// calls in the journal must not see the sync's. The read model's own tests turn
		// it on.
		properties.put("agent-gateway.read-model.enabled", false);
		properties.put("launcher.secrets.agent-gateway.token-pepper", PEPPER);
		// Every node must tag what its agents write alike, as a real installation does.
		properties.put("launcher.secrets.agent-gateway.attribution-key", "e2e-attribution-key-0123456789abcdef");
		properties.put("launcher.secrets.agent-gateway.audit-chain-key", AUDIT_CHAIN_KEY);
		properties.put("launcher.security.jwt-secret", "e2e-jwt-secret-0123456789abcdef0123456789");
		properties.put("spring.thymeleaf.cache", false);
		// The cluster's database is a test server, not the embedded one, and demo mode
		// (seeded users with published passwords) is refused there unless allowed.
		properties.put("launcher.database.allow-demo-mode", true);
		properties.put("launcher.database.embedded-durable", false);
		properties.putAll(this.extraProperties);
		properties.putAll(nodeProperties);
		// As command-line arguments: they must win over the host's application.yml.
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LauncherHostApplication.class).run(args);
		LauncherNode node = new LauncherNode(context);
		this.nodes.add(node);
		return node;
	}

	public LauncherNode node(int index) {
		return this.nodes.get(index);
	}

	public LauncherNode node() {
		return node(0);
	}

	public TaskerSandbox sandbox() {
		return this.sandbox;
	}

	/** Direct SQL on the cluster's database, for assertions a client cannot make. */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(this.jdbcUrl, "postgres", ""));
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public void close() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).close();
		}
		this.nodes.clear();
		this.sandbox.close();
	}

}
