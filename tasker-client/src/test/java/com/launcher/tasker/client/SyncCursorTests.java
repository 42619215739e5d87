package com.launcher.tasker.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SyncCursorTests {

	@Test
	void decodeWhenEncodedThenSamePosition() {
		SyncCursor cursor = new SyncCursor(3, 1000);
		assertThat(SyncCursor.decode(cursor.encode())).isEqualTo(cursor);
		assertThat(SyncCursor.decode(null)).isEqualTo(new SyncCursor(0, 1000));
	}

	@Test
	void decodeWhenForgedOrAnotherKindThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCursor.decode("1000:1:0"));
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCursor.decode(new PageCursor(1, 10).encode()));
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCursor.decode(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> new SyncCursor(0, 1001));
	}

	@Test
	void resizedWhenPagesShrinkThenTheSameFirstRow() {
		assertThat(new SyncCursor(2, 1000).resized(100)).isEqualTo(new SyncCursor(20, 100));
		assertThat(new SyncCursor(0, 1000).resized(100)).isEqualTo(new SyncCursor(0, 100));
	}

}
