package com.launcher.agentgateway.tasker;

import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.core.TestPayloads;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedContentTests {

	@Test
	void fromHtmlWhenCorpusThenInertAndStable() {
		for (String payload : TestPayloads.injectionCorpus()) {
			String fromHtml = UntrustedContent.fromHtml(payload);
			assertThat(PlainText.sanitize(fromHtml)).as(payload).isEqualTo(fromHtml);
			assertThat(fromHtml).as(payload).doesNotContain("<", ">", "\r", "\u0000");
			fromHtml.codePoints()
				.forEach((cp) -> assertThat(PlainText.isInvisible(cp)).as(payload + " U+%04X", cp).isFalse());
		}
	}

	@Test
	void fromHtmlWhenScriptThenItsTextIsDropped() {
		assertThat(UntrustedContent.fromHtml("<p>Hello</p><script>alert(1)</script><style>x{}</style><p>world</p>"))
			.isEqualTo("Hello\n\nworld");
	}

	@Test
	void fromHtmlWhenListThenBulletsKept() {
		assertThat(UntrustedContent.fromHtml("<ul><li>one</li><li>two &amp; three</li></ul>"))
			.isEqualTo("- one\n\n- two & three");
	}

}
