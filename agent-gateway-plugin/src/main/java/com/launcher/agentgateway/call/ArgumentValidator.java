package com.launcher.agentgateway.call;

import java.util.Map;
import java.util.Optional;

/**
 * Checks arguments against a tool's JSON Schema (MCP: servers validate all tool input).
 */
public interface ArgumentValidator {

	/**
	 * @param schema the tool's input schema, the same instance on every call
	 * @param arguments the arguments
	 * @return what is wrong, in the validator's words, or empty when they are valid
	 */
	Optional<String> problem(Map<String, Object> schema, Map<String, Object> arguments);

}
