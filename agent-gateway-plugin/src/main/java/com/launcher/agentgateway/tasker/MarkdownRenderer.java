package com.launcher.agentgateway.tasker;

import com.launcher.agentgateway.core.PlainText;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Agents write Markdown; Tasker stores HTML and does not sanitise comment HTML
 * (plane-api.md W3). commonmark-java renders with raw HTML escaped, then the OWASP Java
 * HTML Sanitizer keeps only formatting, blocks, tables and http(s)/mailto links.
 */
public final class MarkdownRenderer {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br />")
		.build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br", "del", "s")
			.allowElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.allowAttributes("href")
			.onElements("a")
			.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
			.toFactory());

	private MarkdownRenderer() {
	}

	/**
	 * Renders Markdown to sanitised HTML.
	 * @param markdown the Markdown (invisible characters are stripped first)
	 * @return safe HTML
	 */
	public static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String visible = markdown.codePoints()
			.filter((cp) -> !PlainText.isInvisible(cp) || cp == '\r')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return sanitizeHtml(RENDERER.render(PARSER.parse(visible)));
	}

	/**
	 * Runs HTML through the same policy.
	 * @param html the HTML
	 * @return safe HTML
	 */
	public static String sanitizeHtml(String html) {
		return POLICY.sanitize(html);
	}

	/**
	 * Escapes text for an HTML text node.
	 * @param text the text
	 * @return the escaped text
	 */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&#34;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
