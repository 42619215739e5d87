package com.launcher.host.api.tasker;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkItemPatchTests {

	@Test
	void builderWhenNothingSetThenEmpty() {
		assertThat(WorkItemPatch.builder().build().isEmpty()).isTrue();
	}

	@Test
	void builderWhenParentClearedThenPresentAndCleared() {
		WorkItemPatch patch = WorkItemPatch.builder().parent(null).build();
		assertThat(patch.parentId().isPresent()).isTrue();
		assertThat(patch.parentId().isCleared()).isTrue();
		assertThat(patch.name().isPresent()).isFalse();
		assertThat(patch.isEmpty()).isFalse();
	}

	@Test
	void builderWhenEmptyAssigneesThenSetToEmptyList() {
		WorkItemPatch patch = WorkItemPatch.builder().assignees(List.of()).build();
		assertThat(patch.assigneeIds().value()).contains(List.of());
	}

	@Test
	void constructorWhenStartAfterTargetThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkItemPatch.builder()
			.startDate(LocalDate.of(2026, 2, 1))
			.targetDate(LocalDate.of(2026, 1, 1))
			.build());
	}

	@Test
	void constructorWhenBlankNameThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkItemPatch.builder().name(" ").build());
	}

}
