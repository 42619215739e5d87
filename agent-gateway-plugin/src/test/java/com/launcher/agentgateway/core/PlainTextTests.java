package com.launcher.agentgateway.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@Test
	void corpusWhenLoadedThenHasAtLeastFiftyPayloads() {
		assertThat(TestPayloads.injectionCorpus()).hasSizeGreaterThanOrEqualTo(50);
	}

	@Test
	void sanitizeWhenAppliedTwiceThenSameAsOnce() {
		for (String payload : TestPayloads.injectionCorpus()) {
			String once = PlainText.sanitize(payload);
			assertThat(PlainText.sanitize(once)).as(payload).isEqualTo(once);
		}
	}

	@Test
	void sanitizeWhenCorpusThenNoMarkupAndNoInvisibleCharacters() {
		for (String payload : TestPayloads.injectionCorpus()) {
			String out = PlainText.sanitize(payload);
			assertThat(out).as(payload).doesNotContain("<", ">", "\r", "\u0000");
			out.codePoints()
				.forEach((cp) -> assertThat(PlainText.isInvisible(cp)).as(payload + " U+%04X", cp).isFalse());
		}
	}

	@Test
	void sanitizeWhenTagAndBidiCharactersThenStripped() {
		assertThat(PlainText.sanitize("a\u202eb\u2066c\u200bd\uDB40\uDC49e")).isEqualTo("abcde");
	}

	@Test
	void sanitizeWhenVisibleUnicodeThenKept() {
		assertThat(PlainText.sanitize("Émoji 👍🏽 漢字 مرحبا")).isEqualTo("Émoji 👍🏽 漢字 مرحبا");
	}

	@Test
	void cutWhenLongerThenFirstCodePointsAndNeverHalfASurrogatePair() {
		assertThat(PlainText.cut("abcdef", 3)).isEqualTo("abc");
		assertThat(PlainText.cut("ab", 3)).isEqualTo("ab");
		assertThat(PlainText.cut(null, 3)).isNull();
		assertThat(PlainText.cut("a👍👍", 2)).isEqualTo("a👍");
	}

}
