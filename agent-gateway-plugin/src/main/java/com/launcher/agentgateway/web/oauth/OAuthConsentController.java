package com.launcher.agentgateway.web.oauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.TaskerWorkspace;
import com.launcher.agentgateway.grant.TaskerProjects;
import com.launcher.agentgateway.oauth.AuthorizationAsk;
import com.launcher.agentgateway.oauth.AuthorizationCheck;
import com.launcher.agentgateway.oauth.AuthorizationEndpoint;
import com.launcher.agentgateway.oauth.Consent;
import com.launcher.agentgateway.oauth.OAuthClient;
import com.launcher.agentgateway.oauth.OAuthError;
import com.launcher.agentgateway.oauth.OAuthException;
import com.launcher.agentgateway.web.CurrentActor;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.launcher.host.api.user.LauncherUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The authorization endpoint (RFC 6749 §3.1) as a consent page behind the host's human
 * login: the person sees which client asks and where the answer goes, picks one of their
 * own agents or names a new one, ticks projects with read or write access, and approves
 * or denies. The form is protected by the host's CSRF token. Errors go back to the client
 * only once its redirect URI is verified (RFC 6749 §4.1.2.1); before that they are shown
 * to the person.
 */
@Controller
public class OAuthConsentController {

	/** The request's OAuth parameters, carried through the consent form unchanged. */
	private static final List<String> OAUTH_PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "state",
			"scope", "code_challenge", "code_challenge_method", "resource");

	private final AuthorizationEndpoint server;

	private final AgentService agents;

	private final GrantService grants;

	private final CurrentActor actor;

	/** The workspace whose projects are offered, as on the agent page. */
	private final String workspace;

	private final Supplier<OAuthUrls> urls;

	public OAuthConsentController(AuthorizationEndpoint server, AgentService agents, GrantService grants,
			CurrentActor actor, Supplier<OAuthUrls> urls, TaskerWorkspace workspace) {
		this.server = server;
		this.workspace = workspace.slug();
		this.agents = agents;
		this.grants = grants;
		this.actor = actor;
		this.urls = urls;
	}

	@GetMapping("/oauth/authorize")
	public ModelAndView authorize(HttpServletRequest request) {
		LauncherUser user = this.actor.user();
		OAuthUrls urls = this.urls.get();
		AuthorizationAsk ask = ask(urls, request.getParameterMap());
		if (ask.problem() != null && ask.clientId() == null) {
			this.server.refusedAtEdge(ask, user.id(), ask.problem());
			return shown(ask.problem(), user);
		}
		return answer(this.server.authorize(ask, urls.resource(), user.id()), user, urls, null, false);
	}

	@PostMapping("/oauth/authorize")
	public ModelAndView decide(HttpServletRequest request) {
		LauncherUser user = this.actor.user();
		OAuthUrls urls = this.urls.get();
		Map<String, String[]> oauth = new LinkedHashMap<>();
		for (String name : OAUTH_PARAMETERS) {
			String[] values = request.getParameterValues(name);
			if (values != null) {
				oauth.put(name, values);
			}
		}
		AuthorizationAsk ask = ask(urls, oauth);
		if (ask.problem() != null && ask.clientId() == null) {
			this.server.refusedAtEdge(ask, user.id(), ask.problem());
			return shown(ask.problem(), user);
		}
		try {
			Consent consent = consent(request);
			return answer(this.server.decide(ask, urls.resource(), user.id(), consent), user, urls, null, true);
		}
		catch (GatewayException ex) {
			// A problem with the answer (a taken name, a project no longer grantable):
			// ask again, with what went wrong; nothing was issued.
			return answer(this.server.validate(ask, urls.resource()), user, urls, ex.errorCode(), true);
		}
	}

	private ModelAndView answer(AuthorizationCheck check, LauncherUser user, OAuthUrls urls, ErrorCode problem,
			boolean afterPost) {
		Issuer issuer = new Issuer(urls.issuer());
		if (check instanceof AuthorizationCheck.Valid valid) {
			return consentPage(valid, user, problem);
		}
		if (check instanceof AuthorizationCheck.Approved approved) {
			URI location = new AuthorizationSuccessResponse(URI.create(approved.request().redirectUri()),
					new com.nimbusds.oauth2.sdk.AuthorizationCode(approved.code()), null,
					state(approved.request().state()), issuer, ResponseMode.QUERY)
				.toURI();
			return redirect(location, afterPost);
		}
		if (check instanceof AuthorizationCheck.Redirected redirected) {
			URI location = new AuthorizationErrorResponse(URI.create(redirected.redirectUri()),
					NimbusMessages.error(redirected.error()), state(redirected.state()), issuer, ResponseMode.QUERY)
				.toURI();
			return redirect(location, afterPost);
		}
		return shown(((AuthorizationCheck.Shown) check).error(), user);
	}

	private ModelAndView consentPage(AuthorizationCheck.Valid valid, LauncherUser user, ErrorCode problem) {
		Actor me = new Actor(user.id(), false);
		ModelAndView page = new ModelAndView("agent-gateway/oauth/consent");
		OAuthClient client = valid.client();
		page.addObject("user", user);
		page.addObject("clientName", client.clientName());
		page.addObject("clientId", client.clientId());
		page.addObject("metadataDocument", client.kind() == OAuthClient.Kind.METADATA_DOCUMENT);
		page.addObject("redirectUri", valid.redirectUri());
		page.addObject("redirectHost", URI.create(valid.redirectUri()).getHost());
		page.addObject("agents", this.agents.list(me, false).stream().filter(Agent::isEnabled).toList());
		List<TaskerProjects.ProjectRef> projects;
		boolean projectsUnavailable = false;
		try {
			projects = this.grants.grantableProjects(me, this.workspace);
		}
		catch (GatewayException ex) {
			projects = List.of();
			projectsUnavailable = true;
		}
		page.addObject("projects", projects);
		page.addObject("projectsUnavailable", projectsUnavailable);
		page.addObject("hidden", hiddenFields(valid));
		if (problem != null) {
			page.addObject("problem", problem.message());
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return page;
	}

	private static List<String[]> hiddenFields(AuthorizationCheck.Valid valid) {
		List<String[]> fields = new ArrayList<>();
		fields.add(new String[] { "response_type", "code" });
		fields.add(new String[] { "client_id", valid.client().clientId() });
		fields.add(new String[] { "redirect_uri", valid.redirectUri() });
		if (valid.state() != null) {
			fields.add(new String[] { "state", valid.state() });
		}
		fields.add(new String[] { "scope", valid.scope() });
		fields.add(new String[] { "code_challenge", valid.codeChallenge() });
		fields.add(new String[] { "code_challenge_method", "S256" });
		fields.add(new String[] { "resource", valid.resource() });
		return fields;
	}

	private static ModelAndView shown(OAuthException error, LauncherUser user) {
		ModelAndView page = new ModelAndView("agent-gateway/oauth/error");
		page.addObject("user", user);
		page.addObject("code", error.error().code());
		page.addObject("message", error.description());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private static ModelAndView redirect(URI location, boolean afterPost) {
		// 303 after the form, so the browser follows with GET (RFC 9110 §15.4.4).
		RedirectView view = new RedirectView(location.toString(), false, true, false);
		view.setExpandUriTemplateVariables(false);
		view.setStatusCode(afterPost ? HttpStatus.SEE_OTHER : HttpStatus.FOUND);
		return new ModelAndView(view);
	}

	private static State state(String value) {
		return (value != null) ? new State(value) : null;
	}

	/** The request, parsed by the SDK; what it could not parse travels as the problem. */
	static AuthorizationAsk ask(OAuthUrls urls, Map<String, String[]> parameters) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		parameters.forEach((name, values) -> params.put(name, List.of(values)));
		try {
			AuthorizationRequest parsed = AuthorizationRequest.parse(urls.authorizationEndpoint(), params);
			OAuthException problem = parsed.specifiesRequestObject() ? new OAuthException(OAuthError.INVALID_REQUEST,
					"request_object_unsupported", "Request objects are not supported.") : null;
			return new AuthorizationAsk(parsed.getClientID().getValue(),
					(parsed.getRedirectionURI() != null) ? parsed.getRedirectionURI().toString() : null,
					(parsed.getResponseType() != null) ? parsed.getResponseType().toString() : null,
					(parsed.getState() != null) ? parsed.getState().getValue() : null,
					(parsed.getCodeChallenge() != null) ? parsed.getCodeChallenge().getValue() : null,
					(parsed.getCodeChallengeMethod() != null) ? parsed.getCodeChallengeMethod().getValue() : null,
					(parsed.getResources() != null) ? parsed.getResources().stream().map(URI::toString).toList()
							: List.of(),
					(parsed.getScope() != null) ? new LinkedHashSet<>(parsed.getScope().toStringList()) : Set.of(),
					problem);
		}
		catch (ParseException ex) {
			return new AuthorizationAsk((ex.getClientID() != null) ? ex.getClientID().getValue() : null,
					(ex.getRedirectionURI() != null) ? ex.getRedirectionURI().toString() : null, null,
					(ex.getState() != null) ? ex.getState().getValue() : null, null, null, List.of(), Set.of(),
					NimbusMessages.malformed(ex, "malformed_authorization_request"));
		}
	}

	private Consent consent(HttpServletRequest request) {
		boolean approved = "approve".equals(request.getParameter("decision"));
		String agent = request.getParameter("agent");
		UUID agentId = null;
		String newName = null;
		if (agent == null || agent.equals("new")) {
			newName = request.getParameter("agentName");
		}
		else {
			agentId = uuid(agent, "agent");
		}
		Map<UUID, Access> projects = new LinkedHashMap<>();
		String[] ticked = request.getParameterValues("project");
		if (ticked != null) {
			if (ticked.length > 200) {
				throw GatewayException.invalid("project", "too many projects");
			}
			for (String project : ticked) {
				UUID projectId = uuid(project, "project");
				String access = request.getParameter("access-" + projectId);
				projects.put(projectId, "WRITE".equals((access != null) ? access.toUpperCase(Locale.ROOT) : null)
						? Access.WRITE : Access.READ);
			}
		}
		return new Consent(approved, agentId, newName, this.workspace, projects);
	}

	private static UUID uuid(String value, String field) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(field, "is not an id");
		}
	}

}
