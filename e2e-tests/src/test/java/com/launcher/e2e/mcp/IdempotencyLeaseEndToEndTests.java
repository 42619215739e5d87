package com.launcher.e2e.mcp;

import java.time.Duration;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.host.plugin.PluginHost.PluginInfo;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 point 8 on the built gateway: an idempotency lease shorter than the longest
 * write can run is refused at start, naming the minimum the settings give.
 */
class IdempotencyLeaseEndToEndTests {

	@Test
	void startWhenTheConfiguredLeaseIsShorterThanTheLongestWriteThenTheGatewayRefusesToStartNamingTheMinimum() {
		// The old fixed lease, two minutes, against the defaults: a 60 s request, 15 s of
		// budget wait for a write, the host client's 60 s call limit plus one exchange
		// (10 s rate wait, 2 s slot, 5 s connect, 10 s limit), two 4 s statements.
		try (LauncherCluster cluster = LauncherCluster.start(1,
				SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.mcp.idempotency-lease", "PT2M"))) {
			PluginInfo gateway = cluster.node()
				.pluginHost()
				.plugins()
				.stream()
				.filter((plugin) -> plugin.id().equals("agent-gateway"))
				.findFirst()
				.orElseThrow();

			assertThat(gateway.state()).isEqualTo("FAILED");
			assertThat(gateway.failure()).contains("agent-gateway.mcp.idempotency-lease must be at least PT2M50S");
		}
	}

}
