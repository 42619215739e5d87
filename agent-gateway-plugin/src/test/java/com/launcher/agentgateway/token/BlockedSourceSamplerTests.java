package com.launcher.agentgateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedSourceSamplerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final BlockedSourceSampler sampler = new BlockedSourceSampler(Duration.ofMinutes(1));

	@Test
	void sampleWhenRefusalsWithinAMinuteThenFirstAuditedAndTheRestCountedIntoTheNext() {
		assertThat(this.sampler.sample("192.0.2.1", NOW)).isEqualTo(OptionalLong.of(0));
		for (int i = 1; i <= 99; i++) {
			assertThat(this.sampler.sample("192.0.2.1", NOW.plusMillis(i * 100))).isEmpty();
		}
		assertThat(this.sampler.sample("192.0.2.1", NOW.plusSeconds(60))).isEqualTo(OptionalLong.of(99));
		assertThat(this.sampler.sample("192.0.2.1", NOW.plusSeconds(61))).isEmpty();
	}

	@Test
	void sampleWhenOtherSourceThenSampledOnItsOwn() {
		this.sampler.sample("192.0.2.1", NOW);

		assertThat(this.sampler.sample("192.0.2.2", NOW)).isEqualTo(OptionalLong.of(0));
	}

	@Test
	void sampleWhenMemoryFullOfOpenWindowsThenEveryRefusalOfANewSourceAudited() {
		for (int i = 0; i < BlockedSourceSampler.MAX_SOURCES; i++) {
			this.sampler.sample("source-" + i, NOW);
		}

		assertThat(this.sampler.sample("newcomer", NOW)).isEqualTo(OptionalLong.of(0));
		assertThat(this.sampler.sample("newcomer", NOW)).isEqualTo(OptionalLong.of(0));
		// Once the old windows have passed, the newcomer is sampled again.
		assertThat(this.sampler.sample("newcomer", NOW.plusSeconds(61))).isEqualTo(OptionalLong.of(0));
		assertThat(this.sampler.sample("newcomer", NOW.plusSeconds(62))).isEmpty();
	}

}
