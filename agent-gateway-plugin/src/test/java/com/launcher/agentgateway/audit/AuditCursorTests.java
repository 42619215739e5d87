package com.launcher.agentgateway.audit;

import java.time.Instant;

import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuditCursorTests {

	@Test
	void decodeWhenEncodedThenTheSamePositionToTheNanosecond() {
		AuditCursor cursor = new AuditCursor(Instant.parse("2026-12-01T12:00:00.123456789Z"), 42);

		assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
		assertThat(cursor.encode()).doesNotContain(":", "=", "/", "+");
	}

	@Test
	void decodeWhenNotOneOfOursThenValidationNamingCursorAndNoDetail() {
		for (String garbage : new String[] { "%%", "", "MTox", "YTpiOmM" }) {
			assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> AuditCursor.decode(garbage))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
		}
	}

}
