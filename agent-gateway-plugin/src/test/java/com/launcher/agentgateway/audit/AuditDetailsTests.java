package com.launcher.agentgateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDetailsTests {

	@Test
	void decodeWhenEncodedThenTheSameDetailsWhateverTheCharacters() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("title", "Ünïcödé \"quoted\" \\ back\nline\ttab\rreturn");
		details.put("control", "\u0001\u001f end");
		details.put("empty", "");
		details.put("key \"with\" quotes", "日本語 🚀");

		assertThat(AuditDetails.decode(AuditDetails.encode(details))).isEqualTo(details);
	}

	@Test
	void encodeWhenKeysComeInAnyOrderThenSortedSoTheHashIsStable() {
		Map<String, String> backward = new LinkedHashMap<>();
		backward.put("b", "2");
		backward.put("a", "1");

		assertThat(AuditDetails.encode(backward)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
	}

	@Test
	void decodeWhenNullThenNoDetails() {
		assertThat(AuditDetails.decode(null)).isEmpty();
		assertThat(AuditDetails.decode("{}")).isEmpty();
	}

}
