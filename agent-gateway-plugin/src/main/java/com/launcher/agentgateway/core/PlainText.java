package com.launcher.agentgateway.core;

/**
 * Inert plain text (security.md, "Untrusted content"; GitHub MCP server's sanitiser):
 * invisible, bidirectional and tag characters are stripped, and angle brackets are
 * replaced by look-alikes so nothing downstream renders markup. Text written by people in
 * Tasker, and names people chose, pass through it before an agent reads them.
 * {@link #sanitize(String)} is idempotent.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * Sanitises plain text. Applying it twice gives the same result as once.
	 * @param text the text, possibly null
	 * @return the sanitised text, never null
	 */
	public static String sanitize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (cp == '\r') {
				return;
			}
			if (cp == 0x2028 || cp == 0x2029) {
				out.append('\n');
			}
			else if (cp == '<') {
				out.append('\u2039');
			}
			else if (cp == '>') {
				out.append('\u203A');
			}
			else if (!isInvisible(cp)) {
				out.appendCodePoint(cp);
			}
		});
		return collapseBlankLines(out.toString()).strip();
	}

	/**
	 * Strips the characters that hide text from a human reader but not from a model:
	 * controls (except tab and newline), format characters (zero-width, bidi controls,
	 * Unicode tags U+E0000–E007F, soft hyphen), variation selectors and invisible
	 * fillers.
	 * @param cp the code point
	 * @return true when it must go
	 */
	public static boolean isInvisible(int cp) {
		if (cp == '\n' || cp == '\t') {
			return false;
		}
		int type = Character.getType(cp);
		if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE || type == Character.SURROGATE) {
			return true;
		}
		return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0000 && cp <= 0xE007F)
				|| cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F
				|| cp == 0x180E || cp == 0xFFFC || cp == 0xFFFD;
	}

	private static String collapseBlankLines(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int newlines = 0;
		for (String line : text.split("\n", -1)) {
			String trimmed = line.stripTrailing();
			if (trimmed.isEmpty()) {
				newlines++;
				continue;
			}
			if (out.length() > 0) {
				out.append(newlines > 0 ? "\n\n" : "\n");
			}
			newlines = 0;
			out.append(trimmed);
		}
		return out.toString();
	}

	/**
	 * Cuts text to at most {@code max} code points, never inside a surrogate pair.
	 * @param text the text, possibly null
	 * @param max the most code points kept
	 * @return the text, or its first {@code max} code points
	 */
	public static String cut(String text, int max) {
		if (text == null || text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}

}
