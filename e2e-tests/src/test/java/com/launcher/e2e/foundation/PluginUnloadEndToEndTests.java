package com.launcher.e2e.foundation;

import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reloaded plugin's old class loader must become garbage: anything the host, its
 * frameworks or the plugin leave behind (thread locals on host threads, per-class caches
 * in Spring MVC, Thymeleaf or Jackson) would keep every generation of the plugin's
 * classes in memory, one more per reload.
 *
 * <p>
 * Some framework caches hold plugin classes through soft references only (Spring's
 * converter and property annotation caches); the JVM clears those before running out of
 * memory, and this module's test JVM clears them at every collection
 * ({@code -XX:SoftRefLRUPolicyMSPerMB=0}, see the POM), so only strong roots fail here.
 */
class PluginUnloadEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void reloadWhenPluginServedRequestsThenOldClassLoaderIsCollected() throws InterruptedException {
		// Pages and REST calls fill the per-class and per-parameter caches.
		assertThat(node.get("alice", "/plugins/agent-gateway/").statusCode()).isEqualTo(200);
		node.createAgent("alice", "unload-bot");
		assertThat(node.get("alice", LauncherNode.API + "/agents").statusCode()).isEqualTo(200);
		WeakReference<ClassLoader> first = new WeakReference<>(
				node.pluginHost().classLoader("agent-gateway").orElseThrow());
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> reload = node.post("admin", "/launcher/api/plugins/agent-gateway/reload", null);
			assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
			assertThat(node.get("alice", "/plugins/agent-gateway/").statusCode()).isEqualTo(200);
			assertThat(node.get("alice", LauncherNode.API + "/agents").statusCode()).isEqualTo(200);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (first.get() != null && System.nanoTime() < deadline) {
			System.gc();
			Thread.sleep(100);
		}
		assertThat(first.get()).as("first plugin class loader after 3 reloads and GC").isNull();
	}

}
