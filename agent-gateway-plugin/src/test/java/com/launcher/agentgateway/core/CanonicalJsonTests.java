package com.launcher.agentgateway.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.core.CanonicalJson.ControlEscapes;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTests {

	@Test
	void writeWhenKeysComeInAnyOrderThenSortedAtEveryDepth() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", 1);
		inner.put("y", 2);
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("b", inner);
		outer.put("a", List.of(inner));

		assertThat(CanonicalJson.write(outer, ControlEscapes.SHORT))
			.isEqualTo("{\"a\":[{\"y\":2,\"z\":1}],\"b\":{\"y\":2,\"z\":1}}");
	}

	@Test
	void writeWhenEqualNumbersInOtherFormsThenOneText() {
		List<Object> numbers = List.of(1, 1L, 1.0, 1.0f, new BigDecimal("1.000"), new BigDecimal("1e0"),
				BigInteger.ONE);

		assertThat(CanonicalJson.write(numbers, ControlEscapes.SHORT)).isEqualTo("[1,1,1,1,1,1,1]");
		assertThat(CanonicalJson.write(List.of(-0.0, 0.0, new BigDecimal("0.00")), ControlEscapes.SHORT))
			.isEqualTo("[0,0,0]");
		assertThat(CanonicalJson.write(List.of(Double.NaN, Double.POSITIVE_INFINITY), ControlEscapes.SHORT))
			.isEqualTo("[null,null]");
		assertThat(CanonicalJson.write(new BigDecimal("12345678901234567890.50"), ControlEscapes.SHORT))
			.isEqualTo("12345678901234567890.5");
	}

	@Test
	void writeWhenPlainValuesThenJsonLiteralsAndArraysAsLists() {
		assertThat(CanonicalJson.write(Arrays.asList(true, false, null, "x"), ControlEscapes.SHORT))
			.isEqualTo("[true,false,null,\"x\"]");
		assertThat(CanonicalJson.write(new Object[] { "a", 2 }, ControlEscapes.SHORT)).isEqualTo("[\"a\",2]");
		assertThat(CanonicalJson.write(Map.of(), ControlEscapes.SHORT)).isEqualTo("{}");
	}

	@Test
	void writeWhenStringsNeedEscapesThenEscapedAndOtherTextKept() {
		assertThat(CanonicalJson.write("q\"\\\n\r\t\u0001é🚀", ControlEscapes.SHORT))
			.isEqualTo("\"q\\\"\\\\\\n\\r\\t\\u0001é🚀\"");
	}

	@Test
	void writeWhenBackspaceOrFormFeedThenTheFormTheCallerStores() {
		// Both forms are covered by stored hashes (fingerprints, audit chains).
		assertThat(CanonicalJson.write("\b\f", ControlEscapes.SHORT)).isEqualTo("\"\\b\\f\"");
		assertThat(CanonicalJson.write("\b\f", ControlEscapes.UNICODE)).isEqualTo("\"\\u0008\\u000c\"");
	}

}
