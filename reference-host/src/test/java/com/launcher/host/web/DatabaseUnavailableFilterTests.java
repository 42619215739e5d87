package com.launcher.host.web;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableFilterTests {

	@Test
	void isDatabaseOutageWhenACauseSaysTheDatabaseDidNotAnswerThenTrue() {
		assertThat(DatabaseUnavailableFilter.isDatabaseOutage(new IllegalStateException("wrapped",
				new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException()))))
			.isTrue();
	}

	@Test
	void isDatabaseOutageWhenTheFailureIsAFaultThenFalse() {
		assertThat(DatabaseUnavailableFilter.isDatabaseOutage(new DataIntegrityViolationException("duplicate key")))
			.isFalse();
	}

	@Test
	@Timeout(10)
	void isDatabaseOutageWhenTheCausesLoopThenItAnswersInsteadOfWalkingForEver() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);

		assertThat(DatabaseUnavailableFilter.isDatabaseOutage(first)).isFalse();
	}

}
