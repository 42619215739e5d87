package com.launcher.agentgateway.web;

import java.util.Set;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/policy}: everyone signed in may read it; only platform admins change it.
 */
@RestController
@RequestMapping(path = "/api/v1/policy", produces = "application/json")
class PolicyApiController extends ApiErrors {

	private static final Set<String> FIELDS = Set.of("maxTokenDays", "defaultTokenDays", "burstRequests",
			"burstSeconds", "requestsPerMinute", "writesPerDay", "connectedMinutes", "staleHours", "reportingMode",
			"oauthAccessTokenMinutes");

	private final PolicyService policy;

	private final CurrentActor actor;

	PolicyApiController(PolicyService policy, CurrentActor actor, FailureNames failures) {
		super(failures);
		this.policy = policy;
		this.actor = actor;
	}

	@GetMapping
	Policy get() {
		this.actor.require();
		return this.policy.current();
	}

	@PutMapping
	Policy put(@RequestBody JsonNode body) {
		JsonBody json = JsonBody.of(body, FIELDS);
		Boolean reporting = json.bool("reportingMode");
		if (reporting == null) {
			throw GatewayException.invalid("reportingMode", "is required");
		}
		// Optional, so that clients written before OAuth keep working: absent keeps the
		// current value.
		Integer oauthMinutes = json.integer("oauthAccessTokenMinutes");
		Policy next = new Policy(required(json, "maxTokenDays"), required(json, "defaultTokenDays"),
				required(json, "burstRequests"), required(json, "burstSeconds"), required(json, "requestsPerMinute"),
				required(json, "writesPerDay"), required(json, "connectedMinutes"), required(json, "staleHours"),
				reporting, (oauthMinutes != null) ? oauthMinutes : this.policy.current().oauthAccessTokenMinutes());
		return this.policy.update(this.actor.require(), next);
	}

	private static int required(JsonBody json, String field) {
		Integer value = json.integer(field);
		if (value == null) {
			throw GatewayException.invalid(field, "is required");
		}
		return value;
	}

}
