package com.launcher.agentgateway.tasker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedContentTests {

	static List<String> corpus() throws IOException {
		try (InputStream in = UntrustedContentTests.class.getResourceAsStream("/injection-corpus.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return Arrays.stream(text.split("\n"))
				.filter((line) -> !line.isEmpty())
				.map((line) -> line.replace("\\r", "\r").replace("\\n", "\n").replace("\\\\", "\\"))
				.toList();
		}
	}

	@Test
	void corpusWhenLoadedThenHasAtLeastFiftyPayloads() throws IOException {
		assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
	}

	@Test
	void sanitizeWhenAppliedTwiceThenSameAsOnce() throws IOException {
		for (String payload : corpus()) {
			String once = UntrustedContent.sanitize(payload);
			assertThat(UntrustedContent.sanitize(once)).as(payload).isEqualTo(once);
			String fromHtml = UntrustedContent.fromHtml(payload);
			assertThat(UntrustedContent.sanitize(fromHtml)).as(payload).isEqualTo(fromHtml);
		}
	}

	@Test
	void sanitizeWhenCorpusThenNoMarkupAndNoInvisibleCharacters() throws IOException {
		for (String payload : corpus()) {
			for (String out : List.of(UntrustedContent.sanitize(payload), UntrustedContent.fromHtml(payload))) {
				assertThat(out).as(payload).doesNotContain("<", ">", "\r", "\u0000");
				out.codePoints()
					.forEach(
							(cp) -> assertThat(UntrustedContent.isInvisible(cp)).as(payload + " U+%04X", cp).isFalse());
			}
		}
	}

	@Test
	void fromHtmlWhenScriptThenItsTextIsDropped() {
		assertThat(UntrustedContent.fromHtml("<p>Hello</p><script>alert(1)</script><style>x{}</style><p>world</p>"))
			.isEqualTo("Hello\n\nworld");
	}

	@Test
	void fromHtmlWhenListThenBulletsKept() {
		assertThat(UntrustedContent.fromHtml("<ul><li>one</li><li>two &amp; three</li></ul>"))
			.isEqualTo("- one\n\n- two & three");
	}

	@Test
	void sanitizeWhenTagAndBidiCharactersThenStripped() {
		assertThat(UntrustedContent.sanitize("a\u202eb\u2066c\u200bd\uDB40\uDC49e")).isEqualTo("abcde");
	}

	@Test
	void sanitizeWhenVisibleUnicodeThenKept() {
		assertThat(UntrustedContent.sanitize("Émoji 👍🏽 漢字 مرحبا")).isEqualTo("Émoji 👍🏽 漢字 مرحبا");
	}

	@Test
	void envelopeWhenBuiltThenMarkedUntrustedWithProvenance() {
		UntrustedText text = UntrustedText.fromHtml("<b>hi</b>", null, true);
		assertThat(text.toMap()).containsEntry("untrusted", true)
			.containsEntry("author_is_this_agent", true)
			.containsEntry("text", "hi");
	}

}
