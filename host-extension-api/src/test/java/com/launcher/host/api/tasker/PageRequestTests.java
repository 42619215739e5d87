package com.launcher.host.api.tasker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageRequestTests {

	@Test
	void constructorWhenPageSizeOutOfRangeThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(0));
		assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(101));
	}

	@Test
	void nextWhenCursorGivenThenKeepsPageSize() {
		assertThat(PageRequest.first(25).next("abc")).isEqualTo(new PageRequest("abc", 25));
	}

}
