package com.launcher.host.tasker;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.launcher.host.config.HostProperties;
import com.launcher.host.secret.ConfiguredSecrets;
import com.launcher.tasker.client.PlaneClientOptions;
import com.launcher.tasker.client.PlaneTaskerClient;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;
import com.launcher.tasker.sandbox.WebhookOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Tasker client the host offers plugins. In demo mode without a configured Tasker, an
 * in-process sandbox is started on {@code launcher.tasker.sandbox-port}, and sends its
 * webhooks to the gateway's receiver on this host.
 */
@Configuration(proxyBeanMethods = false)
class TaskerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TaskerConfiguration.class);

	@Bean(destroyMethod = "close")
	DemoSandbox demoSandbox(HostProperties properties, Environment environment) {
		if (!properties.demo() || StringUtils.hasText(properties.tasker().baseUrl())) {
			return new DemoSandbox(null);
		}
		// The demo's receiver is this host, on loopback or the address it binds: the
		// Tasker administrator's WEBHOOK_ALLOWED_IPS of a real installation.
		WebhookOptions webhooks = WebhookOptions.plane().allowingLoopback();
		String address = boundAddress(environment);
		if (address != null) {
			webhooks = webhooks.withAllowlist(append(webhooks.allowedIps(), address), webhooks.allowedHosts());
		}
		TaskerSandbox sandbox = TaskerSandbox.start(SandboxOptions.demo()
			.withPort(properties.tasker().sandboxPort())
			.withRateLimit(properties.tasker().rateLimitPerMinute(), Duration.ofMinutes(1))
			.withWebhooks(webhooks));
		logger.info("Demo Tasker sandbox listening on {}", sandbox.baseUrl());
		return new DemoSandbox(sandbox);
	}

	/**
	 * In demo mode, registers the gateway's webhook receiver with the sandbox once the
	 * web server knows its port.
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> demoTaskerWebhook(DemoSandbox demoSandbox, ConfiguredSecrets secrets,
			Environment environment) {
		return (event) -> {
			// The management server, when separate, has a namespace; the plugin is not
			// there.
			if (demoSandbox.sandbox() == null || event.getApplicationContext().getServerNamespace() != null) {
				return;
			}
			String address = boundAddress(environment);
			String host = (address != null) ? hostLiteral(address) : "127.0.0.1";
			String contextPath = environment.getProperty("server.servlet.context-path", "");
			new DemoTaskerWebhook(demoSandbox.sandbox(), secrets)
				.register("http://" + host + ":" + event.getWebServer().getPort() + stripSlash(contextPath));
		};
	}

	@Bean
	PlaneTaskerClient taskerClient(HostProperties properties, DemoSandbox demoSandbox,
			ObjectProvider<MybatisMembershipSource> membershipSource) {
		URI baseUrl;
		String apiKey;
		if (demoSandbox.sandbox() != null) {
			baseUrl = demoSandbox.sandbox().baseUrl();
			apiKey = demoSandbox.sandbox().demoApiKey();
		}
		else {
			if (!StringUtils.hasText(properties.tasker().baseUrl())
					|| !StringUtils.hasText(properties.tasker().apiKey())) {
				throw new IllegalStateException(
						"launcher.tasker.base-url and launcher.tasker.api-key must be set" + " (or run in demo mode)");
			}
			baseUrl = URI.create(properties.tasker().baseUrl());
			apiKey = properties.tasker().apiKey();
		}
		PlaneTaskerClient.Builder builder = PlaneTaskerClient.builder(baseUrl, apiKey)
			.options(PlaneClientOptions.defaults()
				.withRateBudget(properties.tasker().rateLimitPerMinute(), Duration.ofMinutes(1), Duration.ofSeconds(10))
				.withCallTimeLimit(properties.tasker().callTimeLimit()))
			.membershipSource(
					(workspace, projectId, email) -> membershipSource.getObject().lookup(workspace, projectId, email));
		if (StringUtils.hasText(properties.tasker().webUrl())) {
			builder.webUrl(URI.create(properties.tasker().webUrl()));
		}
		else if (demoSandbox.sandbox() != null) {
			// The sandbox serves a bare page per card where Plane's web app would.
			builder.webUrl(demoSandbox.sandbox().baseUrl());
		}
		return builder.build();
	}

	/** {@code server.address} when it names one address, not every interface. */
	private static String boundAddress(Environment environment) {
		String address = environment.getProperty("server.address");
		if (!StringUtils.hasText(address)) {
			return null;
		}
		try {
			InetAddress parsed = InetAddress.getByName(address);
			return parsed.isAnyLocalAddress() ? null : parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String hostLiteral(String address) {
		return address.contains(":") ? "[" + address + "]" : address;
	}

	private static String stripSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static List<String> append(List<String> list, String value) {
		List<String> copy = new ArrayList<>(list);
		copy.add(value);
		return copy;
	}

	@Bean
	TaskerClientMetrics taskerClientMetrics(PlaneTaskerClient taskerClient) {
		return new TaskerClientMetrics(taskerClient);
	}

	/**
	 * The sandbox of demo mode, or none.
	 *
	 * @param sandbox the running sandbox, or {@code null}
	 */
	record DemoSandbox(TaskerSandbox sandbox) {

		void close() {
			if (this.sandbox != null) {
				this.sandbox.close();
			}
		}

	}

}
