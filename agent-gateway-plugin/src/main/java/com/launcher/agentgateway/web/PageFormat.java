package com.launcher.agentgateway.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import com.launcher.agentgateway.core.ErrorCode;

/**
 * Formatting for the pages: times in UTC, statuses and reasons in words a person reads,
 * notices by a fixed code (never text taken from a request).
 */
public final class PageFormat {

	static final PageFormat INSTANCE = new PageFormat();

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> NOTICES = Map.ofEntries(Map.entry("created", "The agent is created."),
			Map.entry("granted", "The project is granted."),
			Map.entry("access-changed", "The project's access is changed."),
			Map.entry("ungranted", "The project is removed from the agent."),
			Map.entry("revoked", "The token is revoked. It stops working on the next request."),
			Map.entry("tokens-revoked", "Every live token of the agent is revoked."),
			Map.entry("disconnected",
					"The program is disconnected: its tokens stop working on the next request and it cannot refresh them."),
			Map.entry("disabled", "The agent is disabled: its tokens are refused until it is enabled again."),
			Map.entry("enabled", "The agent is enabled."), Map.entry("policy-saved", "The policy is saved."));

	private PageFormat() {
	}

	public String time(Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "—";
	}

	public String exactTime(Instant instant) {
		return (instant != null) ? SECONDS.format(instant) : "—";
	}

	/** {@code NEVER_CONNECTED} → "Never connected". */
	public String words(Object constant) {
		if (constant == null) {
			return "—";
		}
		String text = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * A CSS class for a status word: {@code NEVER_CONNECTED} → {@code never-connected}.
	 */
	public String cssClass(Object constant) {
		return (constant != null) ? constant.toString().replace('_', '-').toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * An audit reason as a sentence when it is one of the gateway's error codes, else the
	 * code itself (codes are stable and searchable).
	 */
	public String reason(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return Arrays.stream(ErrorCode.values())
			.filter((c) -> c.code().equals(code))
			.findFirst()
			.map(ErrorCode::message)
			.orElse(code.replace('_', ' '));
	}

	/**
	 * The tool an action names ({@code tool.create_work_item} →
	 * {@code create_work_item}).
	 */
	public String tool(String action) {
		return (action != null && action.startsWith("tool.")) ? action.substring(5) : null;
	}

	/** The text of a notice code, or null for codes the pages do not know. */
	public String notice(String code) {
		return (code != null) ? NOTICES.get(code) : null;
	}

	public String shortId(Object id) {
		if (id == null) {
			return "—";
		}
		String text = id.toString();
		return (text.length() > 8) ? text.substring(0, 8) + "…" : text;
	}

}
