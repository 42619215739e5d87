package com.launcher.agentgateway.token;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token format (security.md, Tokens) and figures T1 and T2.
 */
class TokenCodecTests {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String NOT_BASE62 = "-_+/=. \t\u0000\u00e9\u0430\uff10";

	private final TokenCodec codec = new TokenCodec(new SecureRandom());

	@Test
	void generateWhenCalledThenPrefixBase62BodyAndChecksumOfTheRightLength() {
		String token = this.codec.generate();

		assertThat(token).startsWith("agw_").hasSize(4 + 32 + 6).hasSize(TokenCodec.LENGTH);
		assertThat(token.substring(4)).matches("[0-9A-Za-z]{38}");
		assertThat(token.substring(36)).isEqualTo(TokenCodec.checksum(token.substring(4, 36)));
		// 32 characters of 62 symbols: at least 180 bits (security.md).
		assertThat(32 * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(180);
	}

	/** T1: 10^6 generated tokens, 0 collisions, 0 checksum failures. */
	@Test
	void generateWhenOneMillionTokensThenNoCollisionAndNoChecksumFailure() {
		int count = 1_000_000;
		Set<String> seen = new HashSet<>(count * 2);
		int collisions = 0;
		int checksumFailures = 0;
		for (int i = 0; i < count; i++) {
			String token = this.codec.generate();
			if (!seen.add(token)) {
				collisions++;
			}
			if (!TokenCodec.isWellFormed(token)) {
				checksumFailures++;
			}
		}

		assertThat(seen).hasSize(count - collisions);
		assertThat(collisions).isZero();
		assertThat(checksumFailures).isZero();
	}

	/**
	 * T2: every single-character substitution (each position, each other Base62 character
	 * and a few non-Base62 ones) is refused by the format check alone.
	 */
	@Test
	void isWellFormedWhenAnySingleCharacterIsSubstitutedThenFalse() {
		for (int round = 0; round < 5; round++) {
			String token = this.codec.generate();
			assertThat(TokenCodec.isWellFormed(token)).isTrue();
			String replacements = BASE62 + NOT_BASE62;
			List<String> accepted = new ArrayList<>();
			int tried = 0;
			for (int position = 0; position < token.length(); position++) {
				for (int r = 0; r < replacements.length(); r++) {
					char replacement = replacements.charAt(r);
					if (replacement == token.charAt(position)) {
						continue;
					}
					String changed = token.substring(0, position) + replacement + token.substring(position + 1);
					tried++;
					if (TokenCodec.isWellFormed(changed)) {
						accepted.add(position + ":" + replacement);
					}
				}
			}
			assertThat(tried).isEqualTo(token.length() * (replacements.length() - 1));
			assertThat(accepted).as("substitutions accepted").isEmpty();
		}
	}

	@Test
	void isWellFormedWhenAnySingleCharacterIsDeletedOrInsertedThenFalse() {
		String token = this.codec.generate();
		List<String> accepted = new ArrayList<>();
		for (int position = 0; position < token.length(); position++) {
			String deleted = token.substring(0, position) + token.substring(position + 1);
			if (TokenCodec.isWellFormed(deleted)) {
				accepted.add("delete " + position);
			}
		}
		for (int position = 0; position <= token.length(); position++) {
			for (int r = 0; r < BASE62.length(); r++) {
				String inserted = token.substring(0, position) + BASE62.charAt(r) + token.substring(position);
				if (TokenCodec.isWellFormed(inserted)) {
					accepted.add("insert " + position);
				}
			}
		}
		assertThat(accepted).isEmpty();
	}

	@Test
	void isWellFormedWhenAdjacentCharactersAreSwappedThenFalse() {
		String token = this.codec.generate();
		int swapped = 0;
		for (int i = 4; i < token.length() - 1; i++) {
			if (token.charAt(i) == token.charAt(i + 1)) {
				continue;
			}
			char[] chars = token.toCharArray();
			chars[i] = token.charAt(i + 1);
			chars[i + 1] = token.charAt(i);
			swapped++;
			assertThat(TokenCodec.isWellFormed(new String(chars))).as("swap at %d", i).isFalse();
		}
		assertThat(swapped).isPositive();
	}

	@Test
	void isWellFormedWhenNotATokenThenFalse() {
		String token = this.codec.generate();

		assertThat(TokenCodec.isWellFormed(null)).isFalse();
		assertThat(TokenCodec.isWellFormed("")).isFalse();
		assertThat(TokenCodec.isWellFormed("agw_")).isFalse();
		assertThat(TokenCodec.isWellFormed("AGW_" + token.substring(4))).isFalse();
		assertThat(TokenCodec.isWellFormed("ghp_" + token.substring(4))).isFalse();
		assertThat(TokenCodec.isWellFormed(" " + token)).isFalse();
		assertThat(TokenCodec.isWellFormed(token + " ")).isFalse();
		assertThat(TokenCodec.isWellFormed(token + token)).isFalse();
	}

	@Test
	void isWellFormedWhenChecksumMatchesAHandMadeBodyThenTrue() {
		String body = "0123456789abcdefghijABCDEFGHIJxy";

		assertThat(TokenCodec.isWellFormed("agw_" + body + TokenCodec.checksum(body))).isTrue();
		assertThat(TokenCodec.isWellFormed("agw_" + body + "000000")).isFalse();
	}

	@Test
	void hintWhenTokenThenPrefixAndLastFourCharactersOnly() {
		String token = this.codec.generate();

		String hint = TokenCodec.hint(token);

		assertThat(hint).isEqualTo("agw_\u2026" + token.substring(token.length() - 4));
		assertThat(hint).doesNotContain(token.substring(4, token.length() - 4));
		// Fits the hint columns (varchar(24)) of agw_token and agw_audit_event.
		assertThat(hint.length()).isLessThanOrEqualTo(24);
	}

	@Test
	void acceptsWhenOtherPrefixThenOnlyItsOwnSecretsAndNeverAnAccessToken() {
		TokenCodec refresh = new TokenCodec(new java.security.SecureRandom(), "agwr_");
		String secret = refresh.generate();
		assertThat(secret).startsWith("agwr_").hasSize(TokenCodec.LENGTH + 1);
		assertThat(refresh.accepts(secret)).isTrue();
		assertThat(TokenCodec.isWellFormed(secret)).as("not an access token").isFalse();
		assertThat(refresh.accepts(new TokenCodec(new java.security.SecureRandom()).generate())).isFalse();
		assertThat(refresh.accepts(secret.substring(0, secret.length() - 1) + "x")).isFalse();
		assertThat(refresh.hintOf(secret)).isEqualTo("agwr_\u2026" + secret.substring(secret.length() - 4));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenCodec(new java.security.SecureRandom(), "Bad-"));
	}

}
