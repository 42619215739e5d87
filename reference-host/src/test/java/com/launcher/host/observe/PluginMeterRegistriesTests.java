package com.launcher.host.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginMeterRegistriesTests {

	private final SimpleMeterRegistry host = new SimpleMeterRegistry();

	private final PluginMeterRegistries registries = new PluginMeterRegistries(this.host);

	@Test
	void forPluginWhenMeterRegisteredThenPublishedByTheHost() {
		Counter.builder("plugin_x.calls").register(this.registries.forPlugin("x")).increment();

		assertThat(this.host.get("plugin_x.calls").counter().count()).isEqualTo(1);
	}

	@Test
	void releaseAllWhenPluginStopsThenItsMetersLeaveTheHostAndOthersStay() {
		// A common tag on the host, as a real host configures: removal must still find
		// the meters.
		this.host.config().commonTags(Tags.of("node", "n1"));
		Counter.builder("host.own").register(this.host);
		MeterRegistry x = this.registries.forPlugin("x");
		Counter.builder("plugin_x.calls").tag("tool", "whoami").register(x).increment();
		Gauge.builder("plugin_x.head", () -> 7).register(x);
		Counter.builder("plugin_y.calls").register(this.registries.forPlugin("y"));

		this.registries.releaseAll("x");

		assertThat(this.host.find("plugin_x.calls").meters()).isEmpty();
		assertThat(this.host.find("plugin_x.head").meters()).isEmpty();
		assertThat(this.host.find("plugin_y.calls").meters()).hasSize(1);
		assertThat(this.host.find("host.own").meters()).hasSize(1);
	}

	@Test
	void forPluginWhenStartedAgainAfterReleaseThenFreshMetersAndNoDuplicates() {
		MeterRegistry x = this.registries.forPlugin("x");
		Counter.builder("plugin_x.calls").register(x).increment(5);
		this.registries.releaseAll("x");

		Counter.builder("plugin_x.calls").register(this.registries.forPlugin("x")).increment();

		assertThat(this.registries.forPlugin("x")).isSameAs(x);
		assertThat(this.host.find("plugin_x.calls").counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1));
	}

}
