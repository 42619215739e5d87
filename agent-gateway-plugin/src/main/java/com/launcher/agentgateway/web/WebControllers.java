package com.launcher.agentgateway.web;

import org.springframework.context.annotation.Import;

/**
 * The plugin's controllers, listed once; the plugin hands them to the host's handler
 * mapping. Only a list: the controllers stay package-private, and the one place that
 * imports it is {@code config.GatewayConfiguration} (no {@code @Configuration} here).
 */
@Import({ CurrentActor.class, AgentApiController.class, GrantApiController.class, TokenApiController.class,
		AuditApiController.class, PolicyApiController.class, StatusController.class, PageDirectory.class,
		PageContext.class, AgentPageController.class, ConnectPageController.class, AdminPageController.class,
		PolicyPageController.class, AuditPageController.class, TaskerBudgetPageController.class,
		TaskerBudgetApiController.class })
public class WebControllers {

}
