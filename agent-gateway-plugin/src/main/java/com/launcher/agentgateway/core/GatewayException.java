package com.launcher.agentgateway.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A failure with an {@link ErrorCode}. Its message is always the code's fixed message;
 * {@link #field()} and {@link #details()} carry only values the caller supplied or safe
 * facts, never secrets or exception text.
 */
public class GatewayException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode errorCode;

	private final String field;

	private final transient Map<String, Object> details;

	private final Duration retryAfter;

	public GatewayException(ErrorCode errorCode) {
		this(errorCode, null, Map.of(), null);
	}

	public GatewayException(ErrorCode errorCode, String field, Map<String, Object> details, Duration retryAfter) {
		super(errorCode.message(), null, false, false);
		this.errorCode = Objects.requireNonNull(errorCode);
		this.field = field;
		this.details = (details != null) ? Map.copyOf(details) : Map.of();
		this.retryAfter = retryAfter;
	}

	public static GatewayException invalid(String field, String problem) {
		return new GatewayException(ErrorCode.VALIDATION_FAILED, field, Map.of("problem", problem), null);
	}

	public static GatewayException retryAfter(ErrorCode code, Duration retryAfter) {
		return new GatewayException(code, null, Map.of(), retryAfter);
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

	public String field() {
		return this.field;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
