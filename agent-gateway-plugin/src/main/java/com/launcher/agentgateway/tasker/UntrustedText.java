package com.launcher.agentgateway.tasker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tasker-authored text in its envelope: sanitised, with its provenance and an explicit
 * untrusted marker (security.md, "Untrusted content").
 *
 * @param text the sanitised text (plain text or Markdown, never HTML)
 * @param authorId the Tasker user recorded as its author, or null when unknown
 * @param authorIsThisAgent whether this agent wrote it through the gateway
 */
public record UntrustedText(String text, UUID authorId, boolean authorIsThisAgent) {

	public UntrustedText {
		text = UntrustedContent.sanitize(text);
	}

	public static UntrustedText fromHtml(String html, UUID authorId, boolean authorIsThisAgent) {
		return new UntrustedText(UntrustedContent.fromHtml(html), authorId, authorIsThisAgent);
	}

	/** The envelope as plain values for a JSON result. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("untrusted", true);
		map.put("author_id", (this.authorId != null) ? this.authorId.toString() : null);
		map.put("author_is_this_agent", this.authorIsThisAgent);
		map.put("text", this.text);
		return map;
	}

}
