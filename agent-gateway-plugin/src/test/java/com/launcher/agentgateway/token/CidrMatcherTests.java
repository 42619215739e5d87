package com.launcher.agentgateway.token;

import java.util.Collections;
import java.util.List;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CidrMatcherTests {

	@Test
	void throttleKeyWhenIpv6ThenItsSlash64AndWhenIpv4ThenTheAddress() {
		assertThat(CidrMatcher.throttleKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(CidrMatcher.throttleKey("2001:db8:1:2::1")).isEqualTo(CidrMatcher.throttleKey("2001:db8:1:2::ffff"));
		assertThat(CidrMatcher.throttleKey("2001:db8:1:3::1")).isNotEqualTo(CidrMatcher.throttleKey("2001:db8:1:2::1"));
		assertThat(CidrMatcher.throttleKey("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(CidrMatcher.throttleKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(CidrMatcher.throttleKey("unknown")).isEqualTo("unknown");
	}

	@Test
	void matchesAnyWhenNoBlocksThenAnyAddressMatches() {
		assertThat(CidrMatcher.matchesAny(List.of(), "203.0.113.9")).isTrue();
		assertThat(CidrMatcher.matchesAny(List.of(), "-")).isTrue();
	}

	@Test
	void matchesAnyWhenIpv4InsideOrOutsideBlockThenTrueOrFalse() {
		List<String> blocks = List.of("10.0.0.0/8", "192.168.4.0/23");

		assertThat(CidrMatcher.matchesAny(blocks, "10.255.0.1")).isTrue();
		assertThat(CidrMatcher.matchesAny(blocks, "11.0.0.1")).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "192.168.4.0")).isTrue();
		assertThat(CidrMatcher.matchesAny(blocks, "192.168.5.255")).isTrue();
		assertThat(CidrMatcher.matchesAny(blocks, "192.168.6.0")).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "192.168.3.255")).isFalse();
	}

	@Test
	void matchesAnyWhenSlash32OrSlash0ThenExactOrEverything() {
		assertThat(CidrMatcher.matchesAny(List.of("203.0.113.9/32"), "203.0.113.9")).isTrue();
		assertThat(CidrMatcher.matchesAny(List.of("203.0.113.9/32"), "203.0.113.8")).isFalse();
		assertThat(CidrMatcher.matchesAny(List.of("0.0.0.0/0"), "198.51.100.1")).isTrue();
	}

	@Test
	void matchesAnyWhenIpv6ThenComparesPrefixBits() {
		List<String> blocks = List.of("2001:db8:abcd:12::/64");

		assertThat(CidrMatcher.matchesAny(blocks, "2001:db8:abcd:12::1")).isTrue();
		assertThat(CidrMatcher.matchesAny(blocks, "2001:db8:abcd:12:ffff:ffff:ffff:ffff")).isTrue();
		assertThat(CidrMatcher.matchesAny(blocks, "2001:db8:abcd:13::1")).isFalse();
	}

	@Test
	void matchesAnyWhenFamiliesDifferThenFalse() {
		assertThat(CidrMatcher.matchesAny(List.of("2001:db8::/32"), "10.0.0.1")).isFalse();
		assertThat(CidrMatcher.matchesAny(List.of("10.0.0.0/8"), "2001:db8::1")).isFalse();
	}

	@Test
	void matchesAnyWhenAddressIsNotALiteralThenFalse() {
		List<String> blocks = List.of("0.0.0.0/0");

		assertThat(CidrMatcher.matchesAny(blocks, null)).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "-")).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "localhost")).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "example.test")).isFalse();
		assertThat(CidrMatcher.matchesAny(blocks, "10.0.0.1, 10.0.0.2")).isFalse();
	}

	@Test
	void validateWhenBlocksAreValidThenReturnsThem() {
		assertThat(CidrMatcher.validate(List.of("10.0.0.0/8", "2001:db8::/32"))).containsExactly("10.0.0.0/8",
				"2001:db8::/32");
		assertThat(CidrMatcher.validate(null)).isEmpty();
	}

	@Test
	void validateWhenBlockIsInvalidThenNamesTheField() {
		for (String invalid : new String[] { "10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "example.test/8", "/8",
				"10.0.0.0/-1", "10.0.0.0/8 ", "" }) {
			assertThatExceptionOfType(GatewayException.class).as(invalid)
				.isThrownBy(() -> CidrMatcher.validate(List.of(invalid)))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
					assertThat(ex.field()).isEqualTo("allowedCidrs");
				});
		}
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> CidrMatcher.validate(Collections.singletonList(null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("allowedCidrs"));
	}

	@Test
	void validateWhenMoreThanTenBlocksThenNamesTheField() {
		List<String> eleven = Collections.nCopies(11, "10.0.0.0/8");

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> CidrMatcher.validate(eleven))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("allowedCidrs"));
		assertThat(CidrMatcher.validate(Collections.nCopies(10, "10.0.0.0/8"))).hasSize(10);
	}

	@Test
	void matchesAnyWhenAddressIsAHexWordThenRefusedWithoutResolvingIt() {
		// "cafe" and "beef" are all hex digits; only a literal with '.' or ':' is an
		// address.
		assertThat(CidrMatcher.matchesAny(List.of("0.0.0.0/0"), "cafe")).isFalse();
		assertThat(CidrMatcher.matchesAny(List.of("::/0"), "beef")).isFalse();
		assertThat(CidrMatcher.matchesAny(List.of("0.0.0.0/0"), "10.1.2.3")).isTrue();
	}

}
