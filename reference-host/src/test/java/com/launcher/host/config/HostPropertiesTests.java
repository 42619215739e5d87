package com.launcher.host.config;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HostPropertiesTests {

	@Test
	void constructWhenPublicUrlHasTrailingSlashThenStripped() {
		assertThat(properties("https://launcher.example/").publicUrl()).hasToString("https://launcher.example");
	}

	@Test
	void constructWhenPublicUrlNotAbsoluteHttpThenRefused() {
		for (String url : new String[] { "/relative", "ftp://launcher.example", "https://launcher.example/?a=b",
				"https://user@launcher.example", "https://launcher.example/#top" }) {
			assertThatIllegalArgumentException().as(url).isThrownBy(() -> properties(url));
		}
	}

	@Test
	void databaseWhenTimeoutsOutsideSecondsThenRefused() {
		for (Duration bad : new Duration[] { Duration.ofMillis(500), Duration.ofSeconds(61), Duration.ofMinutes(5) }) {
			assertThatIllegalArgumentException().as("connection %s", bad)
				.isThrownBy(() -> new HostProperties.Database(false, true, bad, Duration.ofSeconds(4)))
				.withMessageContaining("launcher.database.connection-timeout");
			assertThatIllegalArgumentException().as("statement %s", bad)
				.isThrownBy(() -> new HostProperties.Database(false, true, Duration.ofSeconds(3), bad))
				.withMessageContaining("launcher.database.statement-timeout");
		}
		assertThat(new HostProperties.Database(false, true, Duration.ofSeconds(1), Duration.ofSeconds(60))
			.statementTimeout()).hasSeconds(60);
	}

	private static HostProperties properties(String publicUrl) {
		return new HostProperties(false, null, null, null, null, null, URI.create(publicUrl), null);
	}

}
