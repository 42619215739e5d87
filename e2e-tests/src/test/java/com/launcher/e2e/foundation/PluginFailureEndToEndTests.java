package com.launcher.e2e.foundation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.host.plugin.PluginHost.PluginInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bad plugins next to the real one: each is marked FAILED with one clear reason, and the
 * host and the good plugin keep serving.
 */
class PluginFailureEndToEndTests {

	private static final String THROWING_PLUGIN = """
			package test.broken;

			public class ThrowingPlugin extends com.launcher.host.api.LauncherPlugin {

				public ThrowingPlugin(com.launcher.host.api.LauncherPluginContext context) {
					super(context);
				}

				@Override
				public void start() {
					throw new IllegalStateException("boom at start");
				}

			}
			""";

	@TempDir
	static Path work;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(0);
		Path noDescriptor = PluginArchives.zip(work, "a-no-descriptor", null, Map.of());
		Path invalid = PluginArchives.zip(work, "b-invalid", "plugin.id=\nplugin.version=not-a-version\n", Map.of());
		Path tooNew = PluginArchives.zip(work, "c-requires-future",
				"plugin.id=future-plugin\nplugin.class=test.broken.ThrowingPlugin\nplugin.version=1.0.0\n"
						+ "plugin.requires=>=9.0.0\n",
				Map.of("test.broken.ThrowingPlugin", THROWING_PLUGIN));
		Path throwing = PluginArchives.zip(work, "d-throws",
				"plugin.id=throwing-plugin\nplugin.class=test.broken.ThrowingPlugin\nplugin.version=1.0.0\n"
						+ "plugin.requires=>=1.0.0\n",
				Map.of("test.broken.ThrowingPlugin", THROWING_PLUGIN));
		node = cluster.addNode(List.of(noDescriptor, invalid, tooNew, throwing, LauncherCluster.pluginZip()));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void pluginsWhenSomeAreBrokenThenEachBrokenOneIsFailedAndTheGatewayStarted() {
		List<PluginInfo> plugins = node.pluginHost().plugins();
		assertThat(plugins).extracting(PluginInfo::id, PluginInfo::state)
			.contains(tuple("agent-gateway", "STARTED"), tuple("a-no-descriptor", "FAILED"),
					tuple("b-invalid", "FAILED"), tuple("future-plugin", "FAILED"), tuple("throwing-plugin", "FAILED"));
		assertThat(plugins).filteredOn((p) -> p.state().equals("FAILED"))
			.allSatisfy((p) -> assertThat(p.failure()).isNotBlank().doesNotContain("\n").doesNotContain("plugin-work"));
		assertThat(byId(plugins, "future-plugin").failure()).contains("requires host API");
		assertThat(byId(plugins, "throwing-plugin").failure()).contains("boom at start");
	}

	@Test
	void pluginApiWhenSomeAreBrokenThenListsThemAndHostStillServes() {
		var response = node.get("alice", "/launcher/api/plugins");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"throwing-plugin\"").contains("\"state\":\"FAILED\"");
		assertThat(node.get("alice", "/plugins/agent-gateway/status").statusCode()).isEqualTo(200);
		assertThat(node.get("alice", "/plugins/throwing-plugin/status").statusCode()).isEqualTo(404);
	}

	@Test
	void logWhenPluginFailsThenOneClearLineWithoutStackTrace() throws Exception {
		String log = Files.readString(Path.of("target/e2e-run.log"));
		assertThat(log).contains("Plugin throwing-plugin FAILED");
		assertThat(log).doesNotContain("java.lang.IllegalStateException: boom at start");
	}

	private static PluginInfo byId(List<PluginInfo> plugins, String id) {
		return plugins.stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
	}

}
