package com.launcher.agentgateway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.policy.Policy;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy form: every field of {@link Policy} with its current value, and a message
 * beside each field the policy refused. The policy validates itself; this page only reads
 * numbers and shows what the policy said.
 */
@Controller
class PolicyPageController extends PageSupport {

	/** The form's fields, in the order the page shows them, with what each means. */
	static final List<Field> FIELDS = List.of(
			new Field("maxTokenDays", "Longest token lifetime", "Days. No token can be minted for longer."),
			new Field("defaultTokenDays", "Default token lifetime",
					"Days, when the owner does not choose. At most the longest lifetime."),
			new Field("burstRequests", "Burst requests", "Requests an agent may make within the burst window."),
			new Field("burstSeconds", "Burst window", "Seconds."),
			new Field("requestsPerMinute", "Sustained requests per minute", "An agent's steady request rate."),
			new Field("writesPerDay", "Writes per day",
					"Cards created or updated, comments and reports, per agent and UTC day. 0 makes every agent read-only."),
			new Field("connectedMinutes", "Connected for",
					"Minutes after its last call that an agent still counts as connected; then it is stale."),
			new Field("staleHours", "Reports stale after",
					"Hours without a progress report before the reporting view calls an agent stale."));

	PolicyPageController(PageContext pages) {
		super(pages);
	}

	@GetMapping("/admin/policy")
	String policy(@RequestParam(required = false) String notice, Model model) {
		requireAdmin();
		model.addAttribute("notice", notice);
		return page(values(this.policy.current()), this.policy.current().reportingMode(), Map.of(), model);
	}

	@PostMapping("/admin/policy")
	String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		requireAdmin();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		List<Integer> numbers = new ArrayList<>();
		for (Field field : FIELDS) {
			String text = form.getOrDefault(field.name(), "").trim();
			values.put(field.name(), text);
			try {
				numbers.add(Integer.valueOf(text));
			}
			catch (NumberFormatException ex) {
				errors.put(field.name(), text.isEmpty() ? "Enter a value." : "Enter a whole number.");
				numbers.add(null);
			}
		}
		boolean reporting = form.containsKey("reportingMode");
		if (errors.isEmpty()) {
			try {
				this.policy.update(this.actor.require(), new Policy(numbers.get(0), numbers.get(1), numbers.get(2),
						numbers.get(3), numbers.get(4), numbers.get(5), numbers.get(6), numbers.get(7), reporting));
				return redirect("/admin/policy?notice=policy-saved");
			}
			catch (GatewayException ex) {
				if (ex.field() == null || !values.containsKey(ex.field())) {
					throw ex;
				}
				errors.put(ex.field(), sentence(ex));
			}
		}
		// Nothing was saved: the form comes back with what was typed and why.
		response.setStatus(400);
		return page(values, reporting, errors, model);
	}

	private String page(Map<String, String> values, boolean reporting, Map<String, String> errors, Model model) {
		model.addAttribute("section", "admin-policy");
		model.addAttribute("fields", FIELDS);
		model.addAttribute("labels", FIELDS.stream().collect(Collectors.toMap(Field::name, Field::label)));
		model.addAttribute("values", values);
		model.addAttribute("reportingMode", reporting);
		model.addAttribute("errors", errors);
		model.addAttribute("current", this.policy.current());
		return "agent-gateway/admin/policy";
	}

	private static Map<String, String> values(Policy policy) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("maxTokenDays", Integer.toString(policy.maxTokenDays()));
		values.put("defaultTokenDays", Integer.toString(policy.defaultTokenDays()));
		values.put("burstRequests", Integer.toString(policy.burstRequests()));
		values.put("burstSeconds", Integer.toString(policy.burstSeconds()));
		values.put("requestsPerMinute", Integer.toString(policy.requestsPerMinute()));
		values.put("writesPerDay", Integer.toString(policy.writesPerDay()));
		values.put("connectedMinutes", Integer.toString(policy.connectedMinutes()));
		values.put("staleHours", Integer.toString(policy.staleHours()));
		return values;
	}

	// "must be between 1 and 365" → "Must be between 1 and 365."
	private static String sentence(GatewayException ex) {
		Object problem = ex.details().get("problem");
		if (problem == null) {
			return ex.errorCode().message();
		}
		String text = problem.toString()
			.replace("defaultTokenDays", "the default lifetime")
			.replace("maxTokenDays", "the longest lifetime");
		return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
	}

	/**
	 * A field of the form.
	 *
	 * @param name the policy component and form parameter
	 * @param label what the page calls it
	 * @param hint what it means
	 */
	record Field(String name, String label, String hint) {
	}

}
