package com.launcher.agentgateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The plugin's controllers; the plugin hands them to the host's handler mapping. */
@Configuration(proxyBeanMethods = false)
@Import({ CurrentActor.class, AgentApiController.class, GrantApiController.class, TokenApiController.class,
		AuditApiController.class, PolicyApiController.class, StatusController.class, PageDirectory.class,
		AgentPageController.class, ConnectPageController.class, AdminPageController.class, PolicyPageController.class,
		AuditPageController.class })
public class WebConfiguration {

}
