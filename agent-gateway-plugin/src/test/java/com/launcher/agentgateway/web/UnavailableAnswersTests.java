package com.launcher.agentgateway.web;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import com.launcher.agentgateway.persistence.LoggedLines;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.policy.PolicyService;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A REST call or a page refused because the database did not answer: 503 with
 * {@code Retry-After}, and a log line that tells the operator which failure it was (its
 * type and SQLState) without quoting anything the failure carried.
 */
class UnavailableAnswersTests {

	private final CurrentActor actor = mock(CurrentActor.class);

	private final PolicyService policy = mock(PolicyService.class);

	@Test
	void restCallWhenTheStatementBoundEndedItThen503AndTheLogNamesTheSqlStateOnly() {
		PolicyApiController api = new PolicyApiController(this.policy, this.actor, SqlFailures::describe);
		QueryTimeoutException timeout = new QueryTimeoutException("SELECT … WHERE email = 'alice@example.com'",
				new SQLException("canceling statement due to statement timeout", "57014"));
		ResponseEntity<?>[] answer = new ResponseEntity<?>[1];

		List<String> logged = LoggedLines.of(ApiErrors.class, () -> answer[0] = api.unavailable(timeout));

		assertThat(answer[0].getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer[0].getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(((ProblemDetail) answer[0].getBody()).getProperties()).containsEntry("code",
				"temporarily_unavailable");
		assertThat(logged).containsExactly(
				"REST API request refused: the database is unavailable (QueryTimeoutException, SQLState 57014)");
	}

	@Test
	void restCallWhenSomethingUnexpectedThen500AndTheLogKeepsWhereButNotWhatItSaid() {
		PolicyApiController api = new PolicyApiController(this.policy, this.actor, SqlFailures::describe);
		DataIntegrityViolationException refused = new DataIntegrityViolationException("insert failed",
				new SQLException("Key (owner_email)=(alice@example.com) is not present", "23503"));
		ResponseEntity<?>[] answer = new ResponseEntity<?>[1];

		List<String> logged = LoggedLines.of(ApiErrors.class, () -> answer[0] = api.unexpected(refused));

		assertThat(answer[0].getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(logged).containsExactly("Unexpected failure in the REST API"
				+ " | com.launcher.agentgateway.core.FailureNames$NamedFailure: DataIntegrityViolationException,"
				+ " SQLState 23503"
				+ " | com.launcher.agentgateway.core.FailureNames$NamedFailure: SQLException, SQLState 23503");
	}

	@Test
	void pageWhenNoConnectionThen503AndTheLogNamesTheSqlStateAndTheServer() {
		PolicyPageController page = new PolicyPageController(new PageContext(this.actor, mock(PageDirectory.class),
				this.policy, Clock.systemUTC(), SqlFailures::describe));
		HttpServletResponse response = mock(HttpServletResponse.class);
		ExtendedModelMap model = new ExtendedModelMap();
		CannotGetJdbcConnectionException away = new CannotGetJdbcConnectionException("no connection",
				new SQLException("Connection to 127.0.0.1:1 refused.", "08001"));
		String[] view = new String[1];

		List<String> logged = LoggedLines.of(PageSupport.class,
				() -> view[0] = page.unavailable(away, model, response));

		assertThat(view[0]).isEqualTo("agent-gateway/error");
		assertThat(model.getAttribute("code")).isEqualTo("temporarily_unavailable");
		verify(response).setStatus(503);
		verify(response).setHeader(HttpHeaders.RETRY_AFTER, "5");
		assertThat(logged).containsExactly("Page refused: the database is unavailable"
				+ " (CannotGetJdbcConnectionException, SQLState 08001: Connection to 127.0.0.1:1 refused.)");
	}

}
