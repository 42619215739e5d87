package com.launcher.agentgateway.host;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.launcher.agentgateway.persistence.LoggedLines;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OwnerStatusSyncTests {

	private final OwnerLifecycleService lifecycle = mock(OwnerLifecycleService.class);

	private final OwnerStatusSync sync = new OwnerStatusSync(this.lifecycle, Duration.ofMinutes(5),
			SqlFailures::describe);

	@Test
	void runOnceWhenTheDatabaseIsAwayThenLogsTheSqlStateAndTheServerAndChangesNothing() {
		given(this.lifecycle.sync()).willThrow(new DataAccessResourceFailureException("no connection",
				new SQLException("Connection to 127.0.0.1:1 refused.", "08001")));

		List<String> logged = LoggedLines.of(OwnerStatusSync.class, () -> assertThat(this.sync.runOnce()).isZero());

		assertThat(logged)
			.containsExactly("Owner sync failed; retrying in PT5M: DataAccessResourceFailureException, SQLState 08001:"
					+ " Connection to 127.0.0.1:1 refused.");
	}

	@Test
	void runOnceWhenARowIsRefusedThenLogsTheSqlStateButNoneOfTheRowsValues() {
		given(this.lifecycle.sync()).willThrow(new DataIntegrityViolationException("update failed",
				new SQLException("Key (owner_email)=(alice@example.com) is not present", "23503")));

		List<String> logged = LoggedLines.of(OwnerStatusSync.class, () -> assertThat(this.sync.runOnce()).isZero());

		assertThat(logged)
			.containsExactly("Owner sync failed; retrying in PT5M: DataIntegrityViolationException, SQLState 23503");
	}

	@Test
	void runOnceWhenTokensChangedThenSaysHowMany() {
		given(this.lifecycle.sync()).willReturn(3);

		List<String> logged = LoggedLines.of(OwnerStatusSync.class, () -> assertThat(this.sync.runOnce()).isEqualTo(3));

		assertThat(logged).containsExactly("Owner sync changed 3 token(s)");
	}

}
