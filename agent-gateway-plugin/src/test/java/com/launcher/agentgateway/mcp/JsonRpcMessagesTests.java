package com.launcher.agentgateway.mcp;

import java.time.Duration;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcMessagesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonRpcMessages messages = new JsonRpcMessages(this.json, new JacksonMcpJsonMapper(this.json));

	@Test
	void refusalWhenTheGatewayCannotDecideThen503WithTheDefaultRetryAfterInHeaderAndBody() {
		ResponseEntity<byte[]> refused = this.messages.refusal(7, new GatewayException(ErrorCode.SERVICE_UNAVAILABLE));

		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		JsonNode data = this.json.readTree(refused.getBody()).path("error").path("data");
		assertThat(data.path("code").asString()).isEqualTo("service_unavailable");
		assertThat(data.path("retry_after_seconds").asLong()).isEqualTo(5);
	}

	@Test
	void refusalWhenTheCauseNamesItsOwnTimeThenThatTime() {
		ResponseEntity<byte[]> limited = this.messages.refusal(7,
				GatewayException.retryAfter(ErrorCode.RATE_LIMITED, Duration.ofMillis(1_200)));
		ResponseEntity<byte[]> unavailable = this.messages.refusal(7,
				GatewayException.retryAfter(ErrorCode.TASKER_UNAVAILABLE, Duration.ofSeconds(30)));

		assertThat(limited.getStatusCode().value()).isEqualTo(429);
		assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
		assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
	}

}
