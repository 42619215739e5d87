package com.launcher.agentgateway.web;

import java.net.URI;
import java.util.Objects;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import org.slf4j.Logger;
import com.launcher.host.api.HostUnavailableException;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The REST edge's one mapping from {@link ErrorCode} to RFC 9457 problem details. The
 * host does not see a plugin's {@code @ControllerAdvice}, so controllers extend this.
 * Messages are the codes' fixed texts; nothing from an exception reaches the client.
 */
abstract class ApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(ApiErrors.class);

	/** Seconds a client is asked to wait while the database is unavailable. */
	static final long RETRY_AFTER_SECONDS = 5;

	private final FailureNames failures;

	/**
	 * @param failures what the log says of a failure behind a 503
	 */
	ApiErrors(FailureNames failures) {
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	@ExceptionHandler(GatewayException.class)
	ResponseEntity<ProblemDetail> gateway(GatewayException ex) {
		ProblemDetail problem = problem(ex.errorCode());
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		ex.details().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex.retryAfter() != null) {
			long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
			problem.setProperty("retryAfterSeconds", seconds);
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return response.body(problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<ProblemDetail> unreadable() {
		return ResponseEntity.badRequest().body(problem(ErrorCode.MALFORMED_REQUEST));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED);
		problem.setProperty("field", ex.getName());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED);
		problem.setProperty("field", ex.getParameterName());
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * The database did not answer in time or the connection broke: 503 with
	 * {@code Retry-After} (issue 18 point 5); the request may simply be repeated.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, HostUnavailableException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		logger.warn("REST API request refused: the database is unavailable ({})", this.failures.of(ex));
		ProblemDetail problem = problem(ErrorCode.TEMPORARILY_UNAVAILABLE);
		problem.setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		logger.error("Unexpected failure in the REST API", this.failures.withoutMessages(ex));
		return ResponseEntity.internalServerError().body(problem(ErrorCode.INTERNAL));
	}

	static ProblemDetail problem(ErrorCode code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(code), code.message());
		problem.setType(URI.create("urn:agent-gateway:problem:" + code.code()));
		problem.setTitle(code.code());
		problem.setProperty("code", code.code());
		return problem;
	}

	static HttpStatus status(ErrorCode code) {
		if (code == ErrorCode.INTERNAL) {
			return HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (code.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

}
