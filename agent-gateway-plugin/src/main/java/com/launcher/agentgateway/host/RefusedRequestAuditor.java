package com.launcher.agentgateway.host;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.host.api.web.RefusedRequest;
import com.launcher.host.api.web.RefusedRequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits the requests to the gateway's routes that the host refused before they reached
 * it (a form without this session's CSRF token): one DENIED event each, named with the
 * action the form would have performed, so that a forged consent or mint shows in the log
 * like any other refusal (issue 12, issue 16). Nothing else is stored.
 *
 * <p>
 * Only refusals of a signed-in person's request are written. One without a person rode no
 * session, so it could not have acted for anyone; and anyone can send those in bulk,
 * which must not buy audit writes (issue 12: refusals cost bounded writes). The host
 * already sends such requests away from every page without the plugin auditing them.
 */
public record RefusedRequestAuditor(AuditLog audit, Clock clock) implements RefusedRequestListener {

	/** What a refused request to an unlisted route is recorded as. */
	public static final String WEB_REQUEST = "web.request";

	private static final Logger logger = LoggerFactory.getLogger(RefusedRequestAuditor.class);

	private static final Pattern PLUGIN_PATH = Pattern.compile("/plugins/[^/]+(/.*)");

	private static final String ID = "([0-9a-fA-F-]{36})";

	// The page forms and the audit action each one's controller writes when it runs;
	// the agent the form names is the event's target.
	private static final List<Map.Entry<Pattern, String>> FORMS = List.of(
			Map.entry(Pattern.compile("/oauth/authorize"), "oauth.consent"),
			Map.entry(Pattern.compile("/agents"), "agent.create"),
			Map.entry(Pattern.compile("/agents/" + ID + "/grants"), "grant.create"),
			Map.entry(Pattern.compile("/agents/" + ID + "/grants/[^/]+/delete"), "grant.delete"),
			Map.entry(Pattern.compile("/agents/" + ID + "/tokens"), "token.mint"),
			Map.entry(Pattern.compile("/agents/" + ID + "/tokens/[^/]+/revoke"), "token.revoke"),
			Map.entry(Pattern.compile("/agents/" + ID + "/oauth/[^/]+/revoke"), "token.family_revoke"),
			Map.entry(Pattern.compile("/agents/" + ID + "/disable"), "agent.disable"),
			Map.entry(Pattern.compile("/agents/" + ID + "/enable"), "agent.enable"));

	@Override
	public void refused(RefusedRequest request) {
		if (request.userId() == null) {
			logger.debug("Not auditing refused request {} ({}): no signed-in person", request.requestId(),
					request.reason());
			return;
		}
		this.audit.append(event(request));
	}

	AuditEvent event(RefusedRequest request) {
		Matcher plugin = PLUGIN_PATH.matcher(request.path());
		String route = plugin.matches() ? plugin.group(1) : request.path();
		AuditEvent.Builder event = AuditEvent.builder(WEB_REQUEST, Outcome.DENIED);
		if ("POST".equals(request.method())) {
			for (Map.Entry<Pattern, String> form : FORMS) {
				Matcher matcher = form.getKey().matcher(route);
				if (matcher.matches()) {
					event = AuditEvent.builder(form.getValue(), Outcome.DENIED);
					if (matcher.groupCount() > 0) {
						event.target("agent", matcher.group(1).toLowerCase(Locale.ROOT));
					}
					break;
				}
			}
		}
		return event.at(this.clock.instant())
			.actor(ActorType.USER, request.userId().toString())
			.reason(request.reason())
			.request(request.requestId(), request.clientAddress())
			.detail("method", request.method())
			.detail("route", bounded(route))
			.build();
	}

	// The path is the client's: keep what is stored short.
	private static String bounded(String route) {
		return (route.length() <= 200) ? route : route.substring(0, 200);
	}

}
