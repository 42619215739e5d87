package com.launcher.agentgateway.tasker;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialScannerTests {

	@Test
	void scanWhenGatewayTokenThenFound() {
		assertThat(CredentialScanner.scan("token agw_" + "A1b2C3d4E5".repeat(3) + "abcdefgh here"))
			.containsExactly("gateway_token");
	}

	@Test
	void scanWhenTokenSplitByZeroWidthSpaceThenStillFound() {
		assertThat(CredentialScanner.scan("agw_" + "A1b2C3d4E5".repeat(2) + "\u200b" + "A1b2C3d4E5abcdefgh"))
			.contains("gateway_token");
	}

	@Test
	void scanWhenCommonCredentialsThenEachKindFound() {
		assertThat(CredentialScanner.scan("-----BEGIN OPENSSH PRIVATE KEY-----")).containsExactly("private_key");
		assertThat(CredentialScanner.scan("-----BEGIN PRIVATE KEY-----")).containsExactly("private_key");
		assertThat(CredentialScanner.scan("key AKIAIOSFODNN7EXAMPLE")).containsExactly("aws_access_key");
		assertThat(CredentialScanner.scan("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
			.containsExactly("aws_secret_key");
		assertThat(CredentialScanner.scan("ghp_" + "a".repeat(36))).containsExactly("github_token");
		assertThat(CredentialScanner.scan("github_pat_" + "a".repeat(40))).containsExactly("github_token");
		assertThat(CredentialScanner.scan("xoxb-1234567890-abcdef")).containsExactly("slack_token");
		assertThat(CredentialScanner.scan("plane_api_0123456789abcdef0123456789abcdef"))
			.containsExactly("plane_api_key");
	}

	@Test
	void scanWhenOrdinaryTextThenClean() {
		assertThat(CredentialScanner.scan("Fixed the agw_ prefix parser; see AKIA docs and ghp_ naming.", null, ""))
			.isEmpty();
	}

	@Test
	void requireNoCredentialsWhenFoundThenSecretInContentWithoutTheSecret() {
		String secret = "ghp_" + "b".repeat(36);
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> CredentialScanner.requireNone("title", "body " + secret))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.SECRET_IN_CONTENT);
				assertThat(ex.details().toString()).doesNotContain(secret);
			});
	}

}
