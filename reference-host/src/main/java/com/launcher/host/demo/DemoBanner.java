package com.launcher.host.demo;

import java.lang.management.ManagementFactory;

import com.launcher.host.config.HostProperties;
import com.launcher.host.plugin.PluginHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says, once the demo is up, where to go and how to sign in. Silent outside demo mode.
 */
@Component
class DemoBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(DemoBanner.class);

	private final HostProperties properties;

	private final PluginHost pluginHost;

	DemoBanner(HostProperties properties, PluginHost pluginHost) {
		this.properties = properties;
		this.pluginHost = pluginHost;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.properties.demo() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		int port = web.getWebServer().getPort();
		logger.info("""

				  Launcher demo is ready ({} ms after JVM start).
				    My agents:   http://localhost:{}/plugins/agent-gateway/
				    Admin:       http://localhost:{}/plugins/agent-gateway/admin/
				    MCP:         http://localhost:{}/plugins/agent-gateway/mcp
				    Sign in as   admin / admin-demo   (platform admin)
				                 alice / alice-demo   (Tasker WEB and OPS)
				                 bob   / bob-demo     (Tasker WEB)
				    Plugins:     {}
				""", ManagementFactory.getRuntimeMXBean().getUptime(), port, port, port, this.pluginHost.plugins());
	}

}
