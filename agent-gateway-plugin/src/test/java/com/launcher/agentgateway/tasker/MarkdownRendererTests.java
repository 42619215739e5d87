package com.launcher.agentgateway.tasker;

import java.util.UUID;

import com.launcher.agentgateway.core.TestPayloads;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
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

	@Test
	void externalRefWhenSameAgentAndKeyThenSameIdAndRecognised() {
		UUID agent = UUID.randomUUID();
		IdempotencyKey key = new IdempotencyKey("key-12345678");
		assertThat(Attribution.externalRef(agent, key)).isEqualTo(Attribution.externalRef(agent, key));
		assertThat(Attribution.externalRef(agent, key).source()).isEqualTo("agent-gateway");
		assertThat(Attribution.agentOf("agent-gateway", Attribution.externalRef(agent, key).id())).isEqualTo(agent);
		assertThat(Attribution.agentOf("someone-else", Attribution.externalRef(agent, key).id())).isNull();
		assertThat(Attribution.externalRef(agent, new IdempotencyKey("key-87654321")))
			.isNotEqualTo(Attribution.externalRef(agent, key));
	}

	@Test
	void agentOfWhenNotTheGatewaysCanonicalReferenceThenNobody() {
		UUID agent = UUID.randomUUID();
		assertThat(Attribution.agentOf("agent-gateway", "agw-" + agent + "-")).isEqualTo(agent);
		assertThat(Attribution.agentOf("agent-gateway", "agw-" + agent.toString().toUpperCase() + "-abc")).isNull();
		assertThat(Attribution.agentOf("agent-gateway", "agw-" + agent)).isNull();
		assertThat(Attribution.agentOf("agent-gateway", "agw-" + agent + "xabc")).isNull();
		assertThat(Attribution.agentOf("agent-gateway", "agw-not-a-uuid-at-all-but-36-chars-long-x")).isNull();
		assertThat(Attribution.agentOf("agent-gateway", null)).isNull();
	}

}
