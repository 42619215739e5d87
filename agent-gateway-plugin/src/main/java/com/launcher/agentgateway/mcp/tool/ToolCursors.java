package com.launcher.agentgateway.mcp.tool;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.launcher.agentgateway.core.GatewayException;

/**
 * The opaque cursors of list tools: a kind, what the cursor is bound to (the project and
 * filters, or the card), and the work items port's own cursor, base64url-encoded. A
 * cursor replayed against another list is refused instead of paging something else.
 */
final class ToolCursors {

	private ToolCursors() {
	}

	static String encode(String kind, String binding, String inner) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((kind + "|" + binding + "|" + inner).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The port's cursor inside a tool's cursor.
	 * @param cursor the cursor the agent sent, or null
	 * @param kind the list's kind
	 * @param binding what the cursor must be bound to
	 * @param otherBinding the problem to report when it is bound to something else
	 * @return the port's cursor, or null for the first page
	 */
	static String decode(String cursor, String kind, String binding, String otherBinding) {
		if (cursor == null) {
			return null;
		}
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid("cursor", "is not a cursor of this list");
		}
		if (parts.length != 3 || !parts[0].equals(kind)) {
			throw GatewayException.invalid("cursor", "is not a cursor of this list");
		}
		if (!parts[1].equals(binding)) {
			throw GatewayException.invalid("cursor", otherBinding);
		}
		return parts[2];
	}

}
