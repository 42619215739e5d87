package com.launcher.agentgateway.tasker;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.launcher.agentgateway.core.PlainText;
import org.owasp.html.HtmlSanitizer;

/**
 * Turns Tasker-authored HTML into inert plain text (security.md, "Untrusted content"):
 * HTML is reduced to its text with the OWASP sanitizer's lexer, then made inert by
 * {@link PlainText#sanitize(String)}, the same rule every other untrusted text follows.
 */
public final class UntrustedContent {

	private static final Set<String> BLOCK = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
			"h6", "pre", "blockquote", "tr", "table", "hr");

	private static final Set<String> DROPPED = Set.of("script", "style", "template", "noscript", "iframe", "object",
			"svg", "math", "head", "title", "textarea", "xmp");

	private UntrustedContent() {
	}

	/**
	 * Reduces Tasker HTML to sanitised text, keeping paragraph and list structure as line
	 * breaks. Uses the OWASP sanitizer's HTML lexer, never regular expressions.
	 * @param html the HTML, possibly null
	 * @return the sanitised text
	 */
	public static String fromHtml(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		HtmlSanitizer.sanitize(html, new TextCollector(text));
		return PlainText.sanitize(text.toString());
	}

	/** Collects text nodes of an HTML stream, dropping script-like elements. */
	private static final class TextCollector implements HtmlSanitizer.Policy {

		private final StringBuilder text;

		private int dropDepth;

		TextCollector(StringBuilder text) {
			this.text = text;
		}

		@Override
		public void openDocument() {
		}

		@Override
		public void closeDocument() {
		}

		@Override
		public void openTag(String name, List<String> attrs) {
			String tag = name.toLowerCase(Locale.ROOT);
			if (DROPPED.contains(tag)) {
				this.dropDepth++;
				return;
			}
			if (this.dropDepth == 0) {
				if (tag.equals("li")) {
					this.text.append("\n- ");
				}
				else if (BLOCK.contains(tag)) {
					this.text.append('\n');
				}
			}
		}

		@Override
		public void closeTag(String name) {
			String tag = name.toLowerCase(Locale.ROOT);
			if (DROPPED.contains(tag)) {
				this.dropDepth = Math.max(0, this.dropDepth - 1);
				return;
			}
			if (this.dropDepth == 0 && BLOCK.contains(tag)) {
				this.text.append('\n');
			}
		}

		@Override
		public void text(String value) {
			if (this.dropDepth == 0) {
				this.text.append(value);
			}
		}

	}

}
