package com.launcher.agentgateway.tasker;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.TestPayloads;

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
	void scanWhenSecretHiddenByMarkdownEscapeOrCharacterReferenceThenFound() {
		String token = "A1b2C3d4E5".repeat(3) + "abcdefgh";
		// Tasker stores the rendered HTML, whose text is the literal secret.
		assertThat(CredentialScanner.scan("agw\\_" + token)).containsExactly("gateway_token");
		assertThat(CredentialScanner.scan("agw&#95;" + token)).containsExactly("gateway_token");
		assertThat(CredentialScanner.scan("&#65;KIAIOSFODNN7EXAMPLE")).containsExactly("aws_access_key");
	}

	@Test
	void scanWhenCorpusCredentialVariantThenEachFound() {
		List<String> variants = TestPayloads.injectionCorpus()
			.stream()
			.filter((line) -> line.startsWith("Credential variant: "))
			.toList();
		assertThat(variants).hasSizeGreaterThanOrEqualTo(15);
		assertThat(variants)
			.allSatisfy((variant) -> assertThat(CredentialScanner.scan(variant)).as(variant).isNotEmpty());
	}

	@Test
	void scanWhenOrdinaryTextThenClean() {
		assertThat(CredentialScanner.scan("Fixed the agw_ prefix parser; see AKIA docs and ghp_ naming.", null, ""))
			.isEmpty();
		assertThat(
				CredentialScanner.scan("Use `agw\\_` in **Markdown**, 100% sure &amp; [a link](https://example.com)."))
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
