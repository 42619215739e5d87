package com.launcher.host.tasker;

import java.net.URI;
import java.time.Duration;

import com.launcher.host.config.HostProperties;
import com.launcher.tasker.client.PlaneClientOptions;
import com.launcher.tasker.client.PlaneTaskerClient;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The Tasker client the host offers plugins. In demo mode without a configured Tasker, an
 * in-process sandbox is started on {@code launcher.tasker.sandbox-port}.
 */
@Configuration(proxyBeanMethods = false)
class TaskerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TaskerConfiguration.class);

	@Bean(destroyMethod = "close")
	DemoSandbox demoSandbox(HostProperties properties) {
		if (!properties.demo() || StringUtils.hasText(properties.tasker().baseUrl())) {
			return new DemoSandbox(null);
		}
		TaskerSandbox sandbox = TaskerSandbox.start(SandboxOptions.demo()
			.withPort(properties.tasker().sandboxPort())
			.withRateLimit(properties.tasker().rateLimitPerMinute(), Duration.ofMinutes(1)));
		logger.info("Demo Tasker sandbox listening on {}", sandbox.baseUrl());
		return new DemoSandbox(sandbox);
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
		return PlaneTaskerClient.builder(baseUrl, apiKey)
			.options(PlaneClientOptions.defaults()
				.withRateBudget(properties.tasker().rateLimitPerMinute(), Duration.ofMinutes(1),
						Duration.ofSeconds(10)))
			.membershipSource(
					(workspace, projectId, email) -> membershipSource.getObject().lookup(workspace, projectId, email))
			.build();
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
