package com.launcher.agentgateway.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.ReadableId;
import com.launcher.agentgateway.workitem.WorkItemRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a schema cannot say, read once, refused with the field named. */
class ToolArgumentsTests {

	@Test
	void workItemRefWhenUuidOrReadableIdThenTheMatchingReference() {
		UUID id = UUID.randomUUID();
		assertThat(new ToolArguments(Map.of("work_item_id", id.toString())).workItemRef("work_item_id"))
			.isEqualTo(new WorkItemRef.ById(id));
		assertThat(new ToolArguments(Map.of("work_item_id", "WEB-12")).workItemRef("work_item_id"))
			.isEqualTo(new WorkItemRef.ByReadableId(new ReadableId("WEB", 12)));
	}

	@Test
	void workItemRefWhenNeitherFormThenValidationFailedNamingTheField() {
		for (String ref : List.of("web-12", "WEB-0", "WEB-", "X".repeat(36), "WEB-12345678901")) {
			assertInvalid(() -> new ToolArguments(Map.of("work_item_id", ref)).workItemRef("work_item_id"),
					"work_item_id");
		}
	}

	@Test
	void datesWhenNotRealThenValidationFailedNamingTheField() {
		assertInvalid(() -> new ToolArguments(Map.of("start_date", "2026-02-30")).date("start_date"), "start_date");
		assertInvalid(() -> new ToolArguments(Map.of("since", "2026-02-01T10:00:00")).dateTime("since"), "since");
		assertThat(new ToolArguments(Map.of("since", "2026-02-01T10:00:00+01:00")).dateTime("since")).isNotNull();
	}

	@Test
	void idempotencyKeyWhenMissingOrMalformedThenKeyRequired() {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> new ToolArguments(Map.of()).idempotencyKey())
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REQUIRED));
		assertThat(new ToolArguments(Map.of("idempotency_key", "key-00000001")).idempotencyKey().value())
			.isEqualTo("key-00000001");
	}

	@Test
	void valuesWhenNullOrAbsentThenNullAndExplicitNullIsTold() {
		Map<String, Object> values = new HashMap<>();
		values.put("parent_id", null);
		ToolArguments arguments = new ToolArguments(values);
		assertThat(arguments.uuid("parent_id")).isNull();
		assertThat(arguments.isNull("parent_id")).isTrue();
		assertThat(arguments.isNull("start_date")).isFalse();
		assertThat(new ToolArguments(Map.of("priority", "high")).enumValue("priority", Priority.class))
			.isEqualTo(Priority.HIGH);
	}

	private static void assertInvalid(Runnable read, String field) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(read::run).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

}
