package com.launcher.host.api.tasker;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class WorkItemStampTests {

	@Test
	void constructorWhenIdOrTimeMissingThenRefused() {
		assertThatNullPointerException().isThrownBy(() -> new WorkItemStamp(null, OffsetDateTime.now()));
		assertThatNullPointerException().isThrownBy(() -> new WorkItemStamp(UUID.randomUUID(), null));
	}

}
