package com.launcher.agentgateway.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.ConnectionStatus;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.host.api.HostUnavailableException;
import com.launcher.host.api.user.LauncherUser;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page controller shares: the signed-in user and formatting in the model, and
 * one error page that says in words what happened. The host does not see a plugin's
 * {@code @ControllerAdvice}, so page controllers extend this (as REST ones extend
 * {@link ApiErrors}). No exception text ever reaches the page.
 */
abstract class PageSupport {

	static final String BASE = "/plugins/agent-gateway";

	private static final Logger logger = LoggerFactory.getLogger(PageSupport.class);

	final CurrentActor actor;

	final PageDirectory directory;

	final PolicyService policy;

	final Clock clock;

	private final FailureNames failures;

	PageSupport(PageContext pages) {
		this.actor = pages.actor();
		this.directory = pages.directory();
		this.policy = pages.policy();
		this.clock = pages.clock();
		this.failures = pages.failures();
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("fmt", PageFormat.INSTANCE);
		model.addAttribute("user", this.actor.user());
	}

	@ExceptionHandler(GatewayException.class)
	String failure(GatewayException ex, Model model, HttpServletResponse response) {
		return errorPage(ex.errorCode(), ex.field(), model, response);
	}

	/** A page says plainly that the gateway is temporarily unavailable, with 503. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, HostUnavailableException.class })
	String unavailable(RuntimeException ex, Model model, HttpServletResponse response) {
		logger.warn("Page refused: the database is unavailable ({})", this.failures.of(ex));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ApiErrors.RETRY_AFTER_SECONDS));
		return errorPage(ErrorCode.TEMPORARILY_UNAVAILABLE, null, model, response);
	}

	// A path or query value of the wrong type (an id that is not a UUID): to a person it
	// is an address that leads nowhere.
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		return errorPage(ErrorCode.NOT_FOUND, null, model, response);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String missingParameter(MissingServletRequestParameterException ex, Model model, HttpServletResponse response) {
		return errorPage(ErrorCode.VALIDATION_FAILED, ex.getParameterName(), model, response);
	}

	// A filter value of the wrong type (bound into a record) names its field.
	@ExceptionHandler(BindException.class)
	String unbindable(BindException ex, Model model, HttpServletResponse response) {
		String field = (ex.getFieldError() != null) ? ex.getFieldError().getField() : null;
		return errorPage(ErrorCode.VALIDATION_FAILED, field, model, response);
	}

	@ExceptionHandler(RuntimeException.class)
	String unexpected(RuntimeException ex, Model model, HttpServletResponse response) {
		logger.error("Unexpected failure on a page", this.failures.withoutMessages(ex));
		return errorPage(ErrorCode.INTERNAL, null, model, response);
	}

	private String errorPage(ErrorCode code, String field, Model model, HttpServletResponse response) {
		response.setStatus(ApiErrors.status(code).value());
		model.addAttribute("fmt", PageFormat.INSTANCE);
		model.addAttribute("user", this.actor.userIfSignedIn());
		model.addAttribute("code", code.code());
		model.addAttribute("message", code.message());
		model.addAttribute("field", field);
		model.addAttribute("kind", errorKind(code));
		return "agent-gateway/error";
	}

	/** Which explanation the error page gives. */
	static String errorKind(ErrorCode code) {
		if (code == ErrorCode.TASKER_UNAVAILABLE || code == ErrorCode.TASKER_RATE_LIMITED
				|| code == ErrorCode.OWNER_MEMBERSHIP_UNKNOWN) {
			return "tasker";
		}
		return switch (code.kind()) {
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case UNAVAILABLE, RATE_LIMITED -> "unavailable";
			default -> "invalid";
		};
	}

	LauncherUser user() {
		return this.actor.user();
	}

	/**
	 * Only platform admins pass; everyone else gets the "not allowed" page.
	 * @return the admin, for the page to act as
	 */
	Actor requireAdmin() {
		Actor me = this.actor.require();
		if (!me.platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		return me;
	}

	List<AgentRow> rows(List<Agent> agents) {
		Policy current = this.policy.current();
		Map<UUID, String> names = new HashMap<>();
		return agents.stream()
			.map((a) -> new AgentRow(a, ConnectionStatus.of(a.lastSeenAt(), this.clock.instant(), current),
					ownerName(names, a.ownerUserId())))
			.toList();
	}

	String ownerName(Map<UUID, String> cache, UUID userId) {
		return this.directory.person(cache, userId);
	}

	/**
	 * A path with a query of the non-empty values, each encoded as a form value (a
	 * {@code +} in a name or a cursor stays a {@code +}).
	 */
	static String withQuery(String path, Map<String, ?> params) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		params.forEach((key, value) -> {
			if (value != null && !value.toString().isEmpty()) {
				query.add(key + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		});
		return path + query;
	}

	static String redirect(String path) {
		return "redirect:" + BASE + path;
	}

	/**
	 * An agent with what the pages show beside it.
	 *
	 * @param agent the agent
	 * @param connection connected, stale or never connected
	 * @param ownerName its owner's display name
	 */
	record AgentRow(Agent agent, ConnectionStatus connection, String ownerName) {
	}

}
