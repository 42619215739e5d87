package com.launcher.e2e.foundation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development mode: the host loads the plugin from its module's build output
 * ({@code target/classes} and {@code target/lib}) instead of a zip.
 */
class DevelopmentModeEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		Path module = Path.of("..", "agent-gateway-plugin").toAbsolutePath().normalize();
		assertThat(Files.isDirectory(module.resolve("target/classes"))).as("plugin module built").isTrue();
		cluster = LauncherCluster.start(0, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("launcher.plugins.development-paths", module.toString()));
		node = cluster.addNode(List.of());
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void startWhenDevelopmentPathsThenPluginLoadsFromBuildOutput() {
		assertThat(node.pluginHost().plugins()).singleElement().satisfies((plugin) -> {
			assertThat(plugin.id()).isEqualTo("agent-gateway");
			assertThat(plugin.state()).isEqualTo("STARTED");
		});
		assertThat(node.get("alice", "/plugins/agent-gateway/status").statusCode()).isEqualTo(200);
		assertThat(node.get("alice", "/plugins/agent-gateway/").body()).contains("My agents");
	}

}
