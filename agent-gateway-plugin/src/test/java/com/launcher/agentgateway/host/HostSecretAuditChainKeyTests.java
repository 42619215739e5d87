package com.launcher.agentgateway.host;

import java.nio.charset.StandardCharsets;

import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HostSecretAuditChainKeyTests {

	@Test
	void macWhenTheHostHoldsTheKeyThenItsSecretMacsTheMessage() {
		Secrets secrets = (name, message) -> (name + "|" + new String(message, StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);

		byte[] mac = new HostSecretAuditChainKey(secrets).mac("link".getBytes(StandardCharsets.UTF_8));

		assertThat(new String(mac, StandardCharsets.UTF_8)).isEqualTo("audit-chain-key|link");
	}

	@Test
	void constructorWhenTheHostHasNoKeyThenRefusesToStartNamingTheSecret() {
		Secrets none = (name, message) -> {
			throw new UnknownSecretException(name);
		};

		assertThatIllegalStateException().isThrownBy(() -> new HostSecretAuditChainKey(none))
			.withMessageContaining("'audit-chain-key'")
			.withMessageContaining("launcher.secrets.agent-gateway.audit-chain-key");
	}

}
