package com.launcher.host.config;

import java.net.URI;

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

	private static HostProperties properties(String publicUrl) {
		return new HostProperties(false, null, null, null, null, null, URI.create(publicUrl), null);
	}

}
