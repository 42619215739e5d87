package com.launcher.agentgateway.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompiledSchemaValidatorTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CompiledSchemaValidator validator = new CompiledSchemaValidator(this.json);

	private final Map<String, Object> schema = schema();

	@Test
	void validateWhenTheDocumentMatchesThenValid() {
		ValidationResponse response = this.validator.validate(this.schema, Map.of("title", "Fix the login"));

		assertThat(response.valid()).isTrue();
		assertThat(response.errorMessage()).isNull();
	}

	@Test
	void validateWhenTheDocumentBreaksTheSchemaThenTheSameErrorsAsTheSdkValidator() {
		Map<String, Object> broken = Map.of("title", "", "extra", 1);

		ValidationResponse ours = this.validator.validate(this.schema, broken);
		ValidationResponse sdk = new DefaultJsonSchemaValidator(this.json).validate(this.schema, broken);

		assertThat(ours.valid()).isFalse();
		assertThat(ours.errorMessage()).isEqualTo(sdk.errorMessage())
			.contains("Validation failed: JSON schema validation errors:")
			.contains("extra");
	}

	@Test
	void validateWhenTheContentIsJsonTextThenItIsParsedFirst() {
		assertThat(this.validator.validate(this.schema, "{\"title\":\"ok\"}").valid()).isTrue();
		assertThat(this.validator.validate(this.schema, "{\"title\":\"\"}").valid()).isFalse();
		assertThat(this.validator.validate(this.schema, "{not json").errorMessage())
			.startsWith("Error parsing tool JSON Schema");
	}

	@Test
	void validateWhenTheSameSchemaIsUsedAgainThenItIsCompiledOnce() {
		for (int i = 0; i < 50; i++) {
			this.validator.validate(this.schema, Map.of("title", "call " + i));
		}
		assertThat(this.validator.compiledCount()).isEqualTo(1);

		Map<String, Object> equalCopy = new LinkedHashMap<>(this.schema);
		assertThat(this.validator.validate(equalCopy, Map.of("title", "")).valid()).isFalse();
		assertThat(this.validator.compiledCount()).isEqualTo(2);
	}

	@Test
	void validateWhenSchemaOrContentIsMissingThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(null, Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(this.schema, null));
	}

	@Test
	void validateSchemaWhenTheSchemaIsSoundThenValid() {
		assertThat(this.validator.validateSchema(this.schema).valid()).isTrue();
	}

	private static Map<String, Object> schema() {
		Map<String, Object> title = new LinkedHashMap<>();
		title.put("type", "string");
		title.put("minLength", 1);
		title.put("maxLength", 255);
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", Map.of("title", title));
		schema.put("required", List.of("title"));
		schema.put("additionalProperties", false);
		return schema;
	}

}
