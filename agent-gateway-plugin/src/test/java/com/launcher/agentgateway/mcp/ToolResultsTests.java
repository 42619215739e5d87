package com.launcher.agentgateway.mcp;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every result carries its JSON as text content as well: older clients read only the
 * text, and the schema validator relies on it (it prints no copy of a valid result).
 */
class ToolResultsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ToolResults results = new ToolResults(this.json);

	@Test
	void successWhenBuiltThenTheStructuredResultIsAlsoItsTextContent() {
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("work_item_id", "6d60d451-ac74-4cfc-affd-41381fbb0032");
		structured.put("replayed", false);

		McpSchema.CallToolResult result = this.results.success(structured);

		assertThat(result.isError()).isFalse();
		assertThat(result.structuredContent()).isEqualTo(structured);
		assertThat(result.content()).singleElement()
			.isInstanceOfSatisfying(McpSchema.TextContent.class,
					(text) -> assertThat(this.json.readTree(text.text())).isEqualTo(this.json.valueToTree(structured)));
	}

	@Test
	void failureWhenBuiltThenTheErrorIsAlsoItsTextContent() {
		McpSchema.CallToolResult result = this.results
			.failure(GatewayException.retryAfter(ErrorCode.RATE_LIMITED, Duration.ofMillis(1500)));

		assertThat(result.isError()).isTrue();
		assertThat(result.content()).singleElement()
			.isInstanceOfSatisfying(McpSchema.TextContent.class,
					(text) -> assertThat(text.text()).contains("\"code\":\"" + ErrorCode.RATE_LIMITED.code() + "\"")
						.contains("\"retry_after_seconds\":2"));
	}

	@Test
	void encodeWhenAWriteNamedItsCardThenDecodeGivesTheResultAndTheCardBack() {
		UUID card = UUID.randomUUID();
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("comment_id", "c-1");
		structured.put("work_item_id", card.toString());

		ToolResult back = this.results
			.decode(this.results.encode(new ToolResult(structured, new ToolResult.WrittenCard(card, "WEB-12", "Fix"))));

		assertThat(back.structured()).isEqualTo(structured);
		assertThat(back.card()).isEqualTo(new ToolResult.WrittenCard(card, "WEB-12", "Fix"));
	}

	@Test
	void decodeWhenStoredBeforeTheCardWasKeptThenTheResultAloneNamesIt() {
		UUID card = UUID.randomUUID();
		String legacy = "{\"work_item_id\":\"" + card + "\",\"identifier\":\"WEB-3\","
				+ "\"work_item\":{\"title\":{\"untrusted\":true,\"text\":\"Old\"}}}";

		ToolResult back = this.results.decode(legacy);

		assertThat(back.structured()).containsEntry("identifier", "WEB-3").doesNotContainKey("v");
		assertThat(back.card()).isEqualTo(new ToolResult.WrittenCard(card, "WEB-3", "Old"));
		assertThat(this.results.decode("{\"comment_id\":\"c\"}").card()).isNull();
	}

	@Test
	void failureWhenAnyCodeAToolCanGiveThenTheMessageSaysWhatToDoNext() {
		// The codes of the REST edge only (agents, grants, tokens) never reach a tool.
		Set<ErrorCode> restOnly = EnumSet.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.AGENT_NAME_TAKEN,
				ErrorCode.AGENT_DISABLED, ErrorCode.GRANT_EXISTS, ErrorCode.PROJECT_NOT_GRANTABLE,
				ErrorCode.TOKEN_EXPIRY_TOO_LONG, ErrorCode.TOKEN_NOT_ACTIVE, ErrorCode.TOOL_NOT_AVAILABLE,
				ErrorCode.OWNER_ONLY);
		for (ErrorCode code : EnumSet.complementOf(EnumSet.copyOf(restOnly))) {
			String message = (String) ToolResults.errorBody(new GatewayException(code)).get("message");
			assertThat(message).as(code.code())
				.startsWith(code.message())
				.containsPattern("\\b(Retry|retry|Use|Pass|Fix|Call|Check|Remove|Read|ask|Ask)\\b");
		}
	}

	@Test
	void failureWhenAValidationNamesValidValuesThenTheMessagePointsAtThemAndTheField() {
		GatewayException ex = new GatewayException(ErrorCode.VALIDATION_FAILED, "state",
				Map.of("problem", "names nothing in this project", "valid", List.of("Todo", "Done")), null);

		Map<String, Object> body = ToolResults.errorBody(ex);

		assertThat(body).containsEntry("code", "validation_failed")
			.containsEntry("field", "state")
			.containsEntry("valid", List.of("Todo", "Done"))
			.containsEntry("message", "The request is not valid. Pass one of the values in valid as state.");
	}

}
