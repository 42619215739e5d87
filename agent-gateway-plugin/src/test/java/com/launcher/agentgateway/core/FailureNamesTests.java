package com.launcher.agentgateway.core;

import java.sql.SQLException;

import com.launcher.agentgateway.persistence.SqlFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureNamesTests {

	private final FailureNames names = SqlFailures::describe;

	@Test
	void withoutMessagesWhenAChainQuotesValuesThenEveryLinkSaysItsNameOnlyAndKeepsWhereItHappened() {
		SQLException driver = new SQLException("Key (owner_email)=(alice@example.com) is not present", "23503");
		DataIntegrityViolationException failure = new DataIntegrityViolationException(
				"INSERT INTO agw_agent VALUES ('alice@example.com')", driver);

		Throwable named = this.names.withoutMessages(failure);

		assertThat(named).hasMessage("DataIntegrityViolationException, SQLState 23503");
		assertThat(named.getStackTrace()).isEqualTo(failure.getStackTrace());
		assertThat(named.getCause()).hasMessage("SQLException, SQLState 23503").hasNoCause();
		assertThat(named.getCause().getStackTrace()).isEqualTo(driver.getStackTrace());
	}

	@Test
	@Timeout(10)
	void withoutMessagesWhenTheChainLoopsThenItEnds() {
		Throwable named = this.names.withoutMessages(TestFailures.looping());

		int links = 0;
		for (Throwable link = named; link != null; link = link.getCause()) {
			assertThat(link.getMessage()).doesNotContain("first", "second");
			links++;
		}
		assertThat(links).isEqualTo(17);
	}

}
