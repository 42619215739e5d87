package com.launcher.agentgateway.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.launcher.agentgateway.token.AgentPrincipal;

/** The allowlist: every tool there is, by name, in a fixed order. */
public final class ToolCatalog {

	private final Map<String, Tool> tools = new LinkedHashMap<>();

	public ToolCatalog(List<? extends Tool> tools) {
		for (Tool tool : tools) {
			if (this.tools.putIfAbsent(tool.descriptor().name(), tool) != null) {
				throw new IllegalArgumentException("two tools are named " + tool.descriptor().name());
			}
		}
	}

	public List<Tool> all() {
		return List.copyOf(this.tools.values());
	}

	public Optional<Tool> find(String name) {
		return Optional.ofNullable(this.tools.get(name));
	}

	/** The names of the tools this agent may see and call. */
	public List<String> namesAllowedFor(AgentPrincipal agent) {
		return this.tools.values()
			.stream()
			.map(Tool::descriptor)
			.filter((descriptor) -> descriptor.allows(agent))
			.map(ToolDescriptor::name)
			.toList();
	}

}
