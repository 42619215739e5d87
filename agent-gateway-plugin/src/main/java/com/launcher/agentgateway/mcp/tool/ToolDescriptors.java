package com.launcher.agentgateway.mcp.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.launcher.agentgateway.call.ToolDescriptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each tool's descriptor from the JSON file beside its class
 * ({@code <tool name>.json}): one source of truth for what the model is told. Fragments
 * used by several tools live once in {@code shared.json} and are named with
 * {@code {"$shared": "<fragment>"}}; other keys beside it override the fragment's. They
 * are resolved when loaded, so every schema in {@code tools/list} stands on its own
 * (clients do not follow references). A description may be a list of parts, joined.
 */
final class ToolDescriptors {

	private static final String SHARED = "$shared";

	private static final Set<String> KEYS = Set.of("name", "title", "description", "writes", "projectScoped",
			"inputSchema", "outputSchema");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Object> FRAGMENTS = read("shared.json");

	private ToolDescriptors() {
	}

	/**
	 * The descriptor of one tool.
	 * @param name the tool's name, which is also its file's
	 * @return the descriptor, every fragment resolved
	 * @throws IllegalStateException when the file is missing or malformed: a build fault,
	 * found by the tests and at start
	 */
	static ToolDescriptor load(String name) {
		Map<String, Object> json = read(name + ".json");
		if (!KEYS.equals(json.keySet()) || !name.equals(json.get("name"))) {
			throw new IllegalStateException(name + ".json must hold exactly " + KEYS + " and name itself");
		}
		return new ToolDescriptor(name, (String) json.get("title"), text(json.get("description")),
				map(json.get("inputSchema")), map(json.get("outputSchema")), (Boolean) json.get("writes"),
				(Boolean) json.get("projectScoped"));
	}

	/** A fragment of {@code shared.json}, resolved. */
	static Object fragment(String name) {
		Object fragment = FRAGMENTS.get(name);
		if (fragment == null) {
			throw new IllegalStateException("no shared fragment named " + name);
		}
		return resolve(fragment);
	}

	private static String text(Object value) {
		if (value instanceof List<?> parts) {
			StringBuilder text = new StringBuilder();
			parts.forEach((part) -> text.append((String) resolve(part)));
			return text.toString();
		}
		return (String) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) resolve(value);
	}

	private static Object resolve(Object node) {
		if (node instanceof Map<?, ?> object) {
			Map<String, Object> resolved = new LinkedHashMap<>();
			Object shared = object.get(SHARED);
			if (shared != null) {
				Object fragment = fragment((String) shared);
				if (!(fragment instanceof Map<?, ?> base)) {
					if (object.size() > 1) {
						throw new IllegalStateException("fragment " + shared + " is not an object to add keys to");
					}
					return fragment;
				}
				base.forEach((key, value) -> resolved.put((String) key, value));
			}
			object.forEach((key, value) -> {
				if (!SHARED.equals(key)) {
					resolved.put((String) key, resolve(value));
				}
			});
			return resolved;
		}
		if (node instanceof List<?> list) {
			List<Object> resolved = new ArrayList<>(list.size());
			list.forEach((item) -> resolved.add(resolve(item)));
			return resolved;
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(String file) {
		try (InputStream in = ToolDescriptors.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("no tool descriptor file " + file);
			}
			return JSON.readValue(in, LinkedHashMap.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
