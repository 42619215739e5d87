package com.launcher.agentgateway.host;

import java.nio.charset.StandardCharsets;

import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HostSecretTokenHasherTests {

	/** Answers "<secret name>|<message>", so a test sees which secret keyed a hash. */
	private static final Secrets SECRETS = (name, message) -> {
		if (name.endsWith(".missing")) {
			throw new UnknownSecretException(name);
		}
		return (name + "|" + new String(message, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
	};

	@Test
	void hashWhenOnlyTheUnversionedPepperThenItsSecretAndNoPrevious() {
		HostSecretTokenHasher hasher = new HostSecretTokenHasher(SECRETS);

		assertThat(text(hasher.hash("agw_x"))).isEqualTo("token-pepper|agw_x");
		assertThat(hasher.keyId()).isEqualTo(TokenHasher.DEFAULT_KEY_ID);
		assertThat(hasher.previous("agw_x")).isEmpty();
	}

	@Test
	void hashWhenRotatingThenCurrentVersionedSecretAndThePreviousOneWithItsKeyId() {
		HostSecretTokenHasher hasher = new HostSecretTokenHasher(SECRETS, "v2", "default");

		assertThat(text(hasher.hash("agw_x"))).isEqualTo("token-pepper.v2|agw_x");
		assertThat(hasher.keyId()).isEqualTo("v2");
		assertThat(hasher.previous("agw_x")).hasValueSatisfying((previous) -> {
			assertThat(previous.keyId()).isEqualTo("default");
			assertThat(text(previous.hash())).isEqualTo("token-pepper|agw_x");
		});
	}

	@Test
	void constructWhenAKeyIdIsMalformedOrRepeatedThenRefused() {
		for (String bad : new String[] { "", "V2", "v2.x", "-v2", "x".repeat(33) }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> new HostSecretTokenHasher(SECRETS, bad, null));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new HostSecretTokenHasher(SECRETS, "v2", "v2"));
	}

	@Test
	void constructWhenAPepperIsNotConfiguredThenTheStartFails() {
		assertThatExceptionOfType(UnknownSecretException.class)
			.isThrownBy(() -> new HostSecretTokenHasher(SECRETS, "default", "missing"));
		assertThatExceptionOfType(UnknownSecretException.class)
			.isThrownBy(() -> new HostSecretTokenHasher(SECRETS, "missing", null));
	}

	private static String text(byte[] hash) {
		return new String(hash, StandardCharsets.UTF_8);
	}

}
