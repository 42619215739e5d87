package com.launcher.host.api.tasker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkItemIdentifierTests {

	@Test
	void parseWhenValidThenSplitsAtHyphen() {
		WorkItemIdentifier identifier = WorkItemIdentifier.parse("WEB-12");
		assertThat(identifier.projectIdentifier()).isEqualTo("WEB");
		assertThat(identifier.sequence()).isEqualTo(12);
		assertThat(identifier).hasToString("WEB-12");
	}

	@ParameterizedTest
	@ValueSource(strings = { "web-12", "WEB-x", "WEB-", "-12", "WEB-0", "WEB-012", "ABCDEFGHIJKLM-1", "WE-B-1", "WEB 1",
			"WEB-1.5", "WEB--1", "" })
	void parseWhenInvalidThenRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkItemIdentifier.parse(text));
	}

	@Test
	void parseWhenNullThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkItemIdentifier.parse(null));
	}

}
