package com.launcher.agentgateway.mcp.tool;

import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.call.Tool;
import com.launcher.agentgateway.call.ToolDescriptor;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.persistence.SqlFailures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The descriptors as the model reads them: every tool's file loads, every shared fragment
 * is resolved (clients do not follow references), and the rules every schema keeps hold.
 */
class ToolDescriptorsTests {

	private static final List<String> NAMES = List.of("whoami", "list_projects", "list_work_items", "get_work_item",
			"list_comments", "list_states", "list_labels", "search_work_items", "create_work_item", "update_work_item",
			"add_comment", "report_progress");

	private final List<ToolDescriptor> descriptors = Tools.allowlist(null, null, null, null, SqlFailures::describe)
		.stream()
		.map(Tool::descriptor)
		.toList();

	@Test
	void allowlistWhenLoadedThenTwelveToolsInTheirOrderEachFromItsOwnFile() {
		assertThat(this.descriptors).extracting(ToolDescriptor::name).containsExactlyElementsOf(NAMES);
		assertThat(this.descriptors).allSatisfy((d) -> {
			assertThat(d.title()).isNotBlank();
			assertThat(d.description()).isNotBlank();
		});
	}

	@Test
	void descriptorsWhenLoadedThenNoSharedFragmentIsLeftUnresolved() {
		JsonMapper json = JsonMapper.builder().build();
		for (ToolDescriptor d : this.descriptors) {
			assertThat(json.writeValueAsString(d.inputSchema()) + json.writeValueAsString(d.outputSchema()))
				.as(d.name())
				.doesNotContain("$shared", "$ref");
		}
	}

	@Test
	void schemasWhenReadThenStrictAndWritesNeedAKeyAndScopedToolsAProject() {
		for (ToolDescriptor d : this.descriptors) {
			assertThat(d.inputSchema()).as(d.name()).containsEntry("additionalProperties", false);
			List<?> required = (List<?>) d.inputSchema().getOrDefault("required", List.of());
			Map<?, ?> properties = (Map<?, ?>) d.inputSchema().getOrDefault("properties", Map.of());
			assertThat(required.contains("idempotency_key")).as(d.name()).isEqualTo(d.writes());
			// A scoped tool names its project, or a card whose readable id names it.
			assertThat(required.contains("project_id") || required.contains("work_item_id")).as(d.name())
				.isEqualTo(d.projectScoped());
			// search_work_items alone takes an optional project_id and checks it itself.
			assertThat(properties.containsKey("project_id")).as(d.name())
				.isEqualTo(d.projectScoped() || d.name().equals("search_work_items"));
		}
	}

	@Test
	void readToolDescriptionsWhenReadThenEndWithTheUntrustedNotice() {
		String notice = (String) ToolDescriptors.fragment("untrusted_notice");
		assertThat(this.descriptors).filteredOn((d) -> !d.writes() && !d.name().equals("whoami"))
			.hasSize(7)
			.allSatisfy((d) -> assertThat(d.description()).endsWith(notice));
	}

	@Test
	void idempotencyKeyFragmentWhenReadThenTheSamePatternTheGatewayChecks() {
		@SuppressWarnings("unchecked")
		Map<String, Object> key = (Map<String, Object>) ToolDescriptors.fragment("idempotency_key");
		assertThat(key).containsEntry("pattern", IdempotencyKey.PATTERN);
	}

	@Test
	void fragmentWhenAnotherFragmentIsNamedInsideThenResolvedWithOverridesKept() {
		@SuppressWarnings("unchecked")
		Map<String, Object> uuid = (Map<String, Object>) ToolDescriptors.fragment("uuid");
		Map<?, ?> parent = (Map<?, ?>) ((Map<?, ?>) this.descriptors.get(9).inputSchema().get("properties"))
			.get("parent_id");
		assertThat(parent.get("type")).isEqualTo(List.of("string", "null"));
		assertThat(parent.get("pattern")).isEqualTo(uuid.get("pattern"));
		@SuppressWarnings("unchecked")
		Map<String, Object> labels = (Map<String, Object>) ToolDescriptors.fragment("names_or_ids");
		assertThat(labels.get("items")).isEqualTo(ToolDescriptors.fragment("name_or_id"));
	}

	@Test
	void loadWhenNoSuchFileOrFragmentThenFailsAtOnce() {
		assertThatIllegalStateException().isThrownBy(() -> ToolDescriptors.load("rm_rf"));
		assertThatIllegalStateException().isThrownBy(() -> ToolDescriptors.fragment("nothing"));
	}

}
