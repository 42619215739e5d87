package com.launcher.agentgateway.mcp.tool;

import com.launcher.agentgateway.call.Tool;
import com.launcher.agentgateway.call.ToolDescriptor;

/** A tool whose descriptor is the JSON file named after it, beside its class. */
abstract class DescribedTool implements Tool {

	private final ToolDescriptor descriptor;

	DescribedTool(String name) {
		this.descriptor = ToolDescriptors.load(name);
	}

	@Override
	public final ToolDescriptor descriptor() {
		return this.descriptor;
	}

}
