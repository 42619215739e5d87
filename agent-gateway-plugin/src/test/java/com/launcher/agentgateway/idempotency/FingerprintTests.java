package com.launcher.agentgateway.idempotency;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTests {

	@Test
	void ofWhenKeyOrderDiffersThenEqual() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("title", "x");
		a.put("labels", List.of("b", "a"));
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("labels", List.of("b", "a"));
		b.put("title", "x");
		assertThat(Fingerprint.of("t", a, Set.of())).isEqualTo(Fingerprint.of("t", b, Set.of()));
	}

	@Test
	void ofWhenNumberFormatDiffersThenEqual() {
		assertThat(Fingerprint.of("t", Map.of("n", 1), Set.of()))
			.isEqualTo(Fingerprint.of("t", Map.of("n", 1.0d), Set.of()))
			.isEqualTo(Fingerprint.of("t", Map.of("n", new BigDecimal("1E0")), Set.of()))
			.isEqualTo(Fingerprint.of("t", Map.of("n", 1L), Set.of()));
	}

	@Test
	void ofWhenIdempotencyKeyDiffersThenEqual() {
		assertThat(Fingerprint.of("t", Map.of("idempotency_key", "aaaaaaaa", "x", 1), Set.of("idempotency_key")))
			.isEqualTo(Fingerprint.of("t", Map.of("idempotency_key", "bbbbbbbb", "x", 1), Set.of("idempotency_key")));
	}

	@Test
	void ofWhenValueOrToolDiffersThenDifferent() {
		assertThat(Fingerprint.of("t", Map.of("x", 1), Set.of()))
			.isNotEqualTo(Fingerprint.of("t", Map.of("x", 2), Set.of()));
		assertThat(Fingerprint.of("t", Map.of("x", "1"), Set.of()))
			.isNotEqualTo(Fingerprint.of("t", Map.of("x", 1), Set.of()));
		assertThat(Fingerprint.of("t", Map.of("x", 1), Set.of()))
			.isNotEqualTo(Fingerprint.of("u", Map.of("x", 1), Set.of()));
		assertThat(Fingerprint.of("t", Map.of("l", List.of("a", "b")), Set.of()))
			.isNotEqualTo(Fingerprint.of("t", Map.of("l", List.of("b", "a")), Set.of()));
	}

	@Test
	void canonicalJsonWhenNestedThenSortedAndEscaped() {
		assertThat(Fingerprint.canonicalJson(Map.of("b", Map.of("d", true, "c", "q\"\n"), "a", List.of(1.50, -0.0))))
			.isEqualTo("{\"a\":[1.5,0],\"b\":{\"c\":\"q\\\"\\n\",\"d\":true}}");
	}

	@Test
	void fromBytesWhenRoundTripThenEqual() {
		Fingerprint fingerprint = Fingerprint.of("t", Map.of("x", 1), Set.of());
		assertThat(Fingerprint.fromBytes(fingerprint.bytes())).isEqualTo(fingerprint);
		assertThat(fingerprint.bytes()).hasSize(32);
	}

}
