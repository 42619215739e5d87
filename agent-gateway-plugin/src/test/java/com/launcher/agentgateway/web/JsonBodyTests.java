package com.launcher.agentgateway.web;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBodyTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void optionalWhenNoBodyThenEveryFieldAbsent() {
		JsonBody body = JsonBody.optional(null, Set.of("expiresInDays"));

		assertThat(body.integer("expiresInDays")).isNull();
	}

	@Test
	void optionalWhenBodyThenReadAsStrictlyAsRequired() {
		assertThat(JsonBody.optional(this.json.readTree("{\"expiresInDays\":7}"), Set.of("expiresInDays"))
			.integer("expiresInDays")).isEqualTo(7);

		GatewayException unknown = catchThrowableOfType(GatewayException.class,
				() -> JsonBody.optional(this.json.readTree("{\"expires\":7}"), Set.of("expiresInDays")));
		assertThat(unknown.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(unknown.field()).isEqualTo("expires");

		GatewayException notAnObject = catchThrowableOfType(GatewayException.class,
				() -> JsonBody.optional(this.json.readTree("[7]"), Set.of("expiresInDays")));
		assertThat(notAnObject.errorCode()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
	}

}
