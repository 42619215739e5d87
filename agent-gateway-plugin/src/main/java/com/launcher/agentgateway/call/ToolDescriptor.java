package com.launcher.agentgateway.call;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.launcher.agentgateway.token.AgentPrincipal;

/**
 * A tool's contract for the model and for the pipeline: name, title, description, input
 * and output JSON Schemas (2020-12, as plain maps), whether it writes and whether it
 * names a project that must be granted.
 *
 * @param name the tool's name ({@code [A-Za-z0-9_.-]{1,128}}, MCP)
 * @param title a short human title
 * @param description what the model reads
 * @param inputSchema the arguments' schema, {@code additionalProperties: false}
 * @param outputSchema the schema of a successful result
 * @param writes whether it writes to Tasker (needs a WRITE grant and an idempotency key)
 * @param projectScoped whether it takes a {@code project_id} that must be granted
 */
public record ToolDescriptor(String name, String title, String description, Map<String, Object> inputSchema,
		Map<String, Object> outputSchema, boolean writes, boolean projectScoped) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	public ToolDescriptor {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("tool name must match " + NAME);
		}
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(description, "description");
		// Kept in their written order: tools/list is read by people too.
		inputSchema = Collections.unmodifiableMap(new LinkedHashMap<>(inputSchema));
		outputSchema = Collections.unmodifiableMap(new LinkedHashMap<>(outputSchema));
		if (!Boolean.FALSE.equals(inputSchema.get("additionalProperties"))) {
			throw new IllegalArgumentException(name + ": the input schema must forbid additional properties");
		}
	}

	/**
	 * Whether the agent may see and call it: "neither listed nor callable" for a write
	 * tool unless some grant allows writing (threat model, least privilege).
	 * @param agent the agent
	 * @return true when the tool is on this agent's allowlist
	 */
	public boolean allows(AgentPrincipal agent) {
		return !this.writes || agent.canWriteAnywhere();
	}

}
