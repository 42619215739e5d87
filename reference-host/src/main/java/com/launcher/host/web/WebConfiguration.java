package com.launcher.host.web;

import java.time.Clock;

import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web infrastructure for plugins. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	PluginRequestMappingHandlerMapping pluginRequestMappingHandlerMapping() {
		PluginRequestMappingHandlerMapping mapping = new PluginRequestMappingHandlerMapping();
		// Ahead of the host's own mappings: plugin routes live only under /plugins/{id}/.
		mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return mapping;
	}

	@Bean
	PluginTemplateResolver pluginTemplateResolver(ObjectProvider<SpringTemplateEngine> engine) {
		return new PluginTemplateResolver(engine);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
