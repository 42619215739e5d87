package com.launcher.agentgateway.tasker;

import com.launcher.agentgateway.core.TestPayloads;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	@Test
	void toHtmlWhenMarkdownThenFormattingKept() {
		assertThat(MarkdownRenderer.toHtml("**bold** and `code`\n\n- a\n- b")).contains("<strong>bold</strong>")
			.contains("<code>code</code>")
			.contains("<li>a</li>");
	}

	@Test
	void toHtmlWhenRawHtmlOrScriptLinksThenNeutralised() throws Exception {
		for (String payload : TestPayloads.injectionCorpus()) {
			String html = MarkdownRenderer.toHtml(payload).toLowerCase();
			assertThat(html).as(payload)
				.doesNotContain("<script", "<iframe", "<img", "<svg", "href=\"javascript", "src=", "<style", "<form",
						"<meta", "<base", "<object", "<embed");
		}
	}

	@Test
	void toHtmlWhenLinkThenNofollow() {
		assertThat(MarkdownRenderer.toHtml("[docs](https://example.com/a)")).contains("href=\"https://example.com/a\"")
			.contains("nofollow");
	}

	@Test
	void footerWhenNamesContainMarkupThenEscaped() {
		String footer = Attribution.footerHtml("bot<script>", "Alice & <b>Bob</b>");
		assertThat(footer).contains("written by agent").doesNotContain("<script", "<b>");
		assertThat(MarkdownRenderer.sanitizeHtml(footer)).contains("via Agent Gateway");
	}

}
