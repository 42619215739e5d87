package com.launcher.agentgateway.web;

import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.readmodel.ReadModelStatus;
import com.launcher.agentgateway.readmodel.WebhookVerdict;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The platform admin's view of the Tasker budget all nodes share (issue 14): spent and
 * left in the last 60 s, by class, the calls waiting now, the refusals, and a 429's
 * pause. The panel is its own fragment ({@code admin/tasker-budget :: panel}) so other
 * admin pages can show it too.
 */
@Controller
class TaskerBudgetPageController {

	private final TaskerBudget budget;

	private final CurrentActor actor;

	private final ReadModelStatus readModel;

	TaskerBudgetPageController(TaskerBudget budget, CurrentActor actor, ReadModelStatus readModel) {
		this.budget = budget;
		this.actor = actor;
		this.readModel = readModel;
	}

	@GetMapping("/admin/tasker-budget")
	String budget(Model model) {
		Actor me = this.actor.require();
		if (!me.platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		model.addAttribute("section", "admin-budget");
		model.addAttribute("user", this.actor.user());
		model.addAttribute("fmt", PageFormat.INSTANCE);
		model.addAttribute("budget", this.budget.status());
		model.addAttribute("readModelEnabled", this.readModel.enabled());
		model.addAttribute("syncProjects", this.readModel.projects());
		model.addAttribute("deliveries", this.readModel.deliveries());
		model.addAttribute("verdicts", WebhookVerdict.values());
		return "agent-gateway/admin/tasker-budget";
	}

	@ExceptionHandler(GatewayException.class)
	String failure(GatewayException ex, Model model, HttpServletResponse response) {
		response.setStatus(ApiErrors.status(ex.errorCode()).value());
		model.addAttribute("code", ex.errorCode().code());
		model.addAttribute("message", ex.errorCode().message());
		return "agent-gateway/error";
	}

}
