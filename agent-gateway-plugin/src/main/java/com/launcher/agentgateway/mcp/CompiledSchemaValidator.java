package com.launcher.agentgateway.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.agentgateway.call.ArgumentValidator;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema validator of the tool path (arguments, checked by the call pipeline,
 * and structured results, checked by the SDK), with each tool's schema compiled once.
 * <p>
 * The SDK's default validator finds its compiled schema by a deep hash of the schema map
 * and prints every valid document back to a string, on every call. The gateway's schemas
 * are a fixed set of map instances built at start, so they are found here by identity;
 * any other map is compiled and kept by content. A valid result carries no printed copy:
 * the SDK uses it only for a result without content, and every gateway result carries its
 * text content. Errors read exactly as the SDK's default validator writes them.
 */
public final class CompiledSchemaValidator implements JsonSchemaValidator, ArgumentValidator {

	/** More distinct schemas than this means someone is feeding us arbitrary maps. */
	private static final int MAX_BY_CONTENT = 256;

	private final JsonMapper json;

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

	private final Map<IdentityKey, Schema> byIdentity = new ConcurrentHashMap<>();

	private final Map<Map<String, Object>, Schema> byContent = new ConcurrentHashMap<>();

	private final DefaultJsonSchemaValidator schemaChecker;

	public CompiledSchemaValidator(JsonMapper json) {
		this.json = Objects.requireNonNull(json, "json");
		this.schemaChecker = new DefaultJsonSchemaValidator(json);
	}

	@Override
	public ValidationResponse validate(Map<String, Object> schema, Object content) {
		if (schema == null) {
			throw new IllegalArgumentException("Schema must not be null");
		}
		if (content == null) {
			throw new IllegalArgumentException("Structured content must not be null");
		}
		try {
			JsonNode document = (content instanceof String text) ? this.json.readTree(text)
					: this.json.valueToTree(content);
			List<Error> errors = compiled(schema).validate(document);
			if (!errors.isEmpty()) {
				return ValidationResponse.asInvalid("Validation failed: JSON schema validation errors: " + errors);
			}
			return ValidationResponse.asValid(null);
		}
		catch (JacksonException ex) {
			return ValidationResponse.asInvalid("Error parsing tool JSON Schema: " + ex.getOriginalMessage());
		}
		catch (RuntimeException ex) {
			return ValidationResponse.asInvalid("Unexpected validation error: " + ex.getMessage());
		}
	}

	@Override
	public Optional<String> problem(Map<String, Object> schema, Map<String, Object> arguments) {
		ValidationResponse response = validate(schema, arguments);
		return response.valid() ? Optional.empty() : Optional.of(response.errorMessage());
	}

	/** Whether a schema itself is sound (at registration only): the SDK's own check. */
	@Override
	public ValidationResponse validateSchema(Map<String, Object> schema) {
		return this.schemaChecker.validateSchema(schema);
	}

	/** How many schemas have been compiled; for tests. */
	int compiledCount() {
		return this.byIdentity.size() + this.byContent.size();
	}

	private Schema compiled(Map<String, Object> schema) {
		Schema known = this.byIdentity.get(new IdentityKey(schema));
		if (known != null) {
			return known;
		}
		if (this.byIdentity.size() < MAX_BY_CONTENT) {
			return this.byIdentity.computeIfAbsent(new IdentityKey(schema), (key) -> compile(schema));
		}
		if (this.byContent.size() >= MAX_BY_CONTENT) {
			this.byContent.clear();
		}
		return this.byContent.computeIfAbsent(new java.util.LinkedHashMap<>(schema), this::compile);
	}

	private Schema compile(Map<String, Object> schema) {
		return this.registry.getSchema(this.json.<JsonNode>valueToTree(schema));
	}

	/** A schema map known by its identity: the tools' schemas never change. */
	private record IdentityKey(Map<String, Object> schema) {

		@Override
		public boolean equals(Object other) {
			return other instanceof IdentityKey key && key.schema == this.schema;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.schema);
		}

	}

}
