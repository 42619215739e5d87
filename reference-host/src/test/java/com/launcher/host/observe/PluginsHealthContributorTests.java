package com.launcher.host.observe;

import java.util.List;
import java.util.Map;

import com.launcher.host.api.health.HealthReport;
import com.launcher.host.api.health.PluginHealth;
import com.launcher.host.plugin.PluginHost;
import com.launcher.host.plugin.PluginHost.PluginInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class PluginsHealthContributorTests {

	private final PluginHost host = mock(PluginHost.class);

	private final PluginHealthChecks checks = new PluginHealthChecks();

	private final PluginsHealthContributor contributor = new PluginsHealthContributor(this.host, this.checks);

	@Test
	void getContributorWhenStartedThenStateAndEachCheckWithItsStatus() {
		given(this.host.plugins()).willReturn(List.of(new PluginInfo("gw", "1.0", "STARTED", null)));
		PluginHealth health = this.checks.forPlugin("gw");
		health.register("database", HealthReport::up);
		health.register("tasker",
				() -> new HealthReport(HealthReport.State.DEGRADED, Map.of("lastStatus", "unavailable")));
		health.register("broken", () -> {
			throw new IllegalStateException("secret internals");
		});

		CompositeHealthContributor plugin = (CompositeHealthContributor) this.contributor.getContributor("gw");

		assertThat(plugin.stream().map(CompositeHealthContributor.Entry::name)).containsExactly("state", "database",
				"tasker", "broken");
		assertThat(health(plugin, "state").getStatus()).isEqualTo(Status.UP);
		assertThat(health(plugin, "database").getStatus()).isEqualTo(Status.UP);
		assertThat(health(plugin, "tasker").getStatus()).isEqualTo(PluginsHealthContributor.DEGRADED);
		assertThat(health(plugin, "tasker").getDetails()).containsEntry("lastStatus", "unavailable");
		Health broken = health(plugin, "broken");
		assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
		assertThat(broken.getDetails().toString()).doesNotContain("secret internals")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void getContributorWhenFailedOrStoppedThenDownOrUnknownWithoutChecks() {
		given(this.host.plugins()).willReturn(List.of(new PluginInfo("bad", "1.0", "FAILED", "start failed: x"),
				new PluginInfo("off", "1.0", "STOPPED", null)));
		this.checks.forPlugin("off").register("database", HealthReport::up);

		Health bad = ((HealthIndicator) this.contributor.getContributor("bad")).health();
		Health off = ((HealthIndicator) this.contributor.getContributor("off")).health();

		assertThat(bad.getStatus()).isEqualTo(Status.DOWN);
		assertThat(bad.getDetails()).containsEntry("failure", "start failed: x");
		assertThat(off.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(off.getDetails()).containsEntry("state", "STOPPED");
		assertThat(this.contributor.getContributor("missing")).isNull();
	}

	@Test
	void registerWhenNameInvalidOrTakenThenRefusedAndReleaseTakesChecksBack() {
		PluginHealth health = this.checks.forPlugin("gw");
		PluginHealth.Registration database = health.register("database", HealthReport::up);

		assertThatThrownBy(() -> health.register("Data Base", HealthReport::up))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> health.register("database", HealthReport::up))
			.isInstanceOf(IllegalStateException.class);
		database.close();
		assertThat(this.checks.of("gw")).isEmpty();
		health.register("tasker", HealthReport::up);
		this.checks.releaseAll("gw");
		assertThat(this.checks.of("gw")).isEmpty();
	}

	private static Health health(CompositeHealthContributor plugin, String name) {
		return ((HealthIndicator) plugin.getContributor(name)).health();
	}

}
