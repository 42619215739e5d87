package com.launcher.agentgateway.config;

import java.time.Clock;

import javax.sql.DataSource;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.host.AgentTokenIntrospector;
import com.launcher.agentgateway.observe.GatewayHealthChecks;
import com.launcher.agentgateway.observe.GatewayMetrics;
import com.launcher.agentgateway.observe.MeteredAuditLog;
import com.launcher.agentgateway.observe.MeteredIntrospector;
import com.launcher.agentgateway.observe.MeteredTaskerClient;
import com.launcher.agentgateway.observe.TaskerBudgetGauges;
import com.launcher.agentgateway.persistence.PgChangeListener;
import com.launcher.agentgateway.readmodel.ReadModelStatus;
import com.launcher.agentgateway.readmodel.WebhookVerdict;
import com.launcher.host.api.LauncherPluginContext;
import io.opentelemetry.api.trace.Tracer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics, health and traces (issue 18), in the host's registry, health and OpenTelemetry
 * through the host contract. The host removes the meters and checks when the plugin
 * stops; the checks are also closed with this context, so a check never outlives the
 * beans it reads.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	@Bean
	GatewayMetrics gatewayMetrics(LauncherPluginContext context) {
		return new GatewayMetrics(context.meterRegistry());
	}

	/** Spans of the plugin, in the host's traces (a no-op unless the host exports). */
	@Bean
	Tracer gatewayTracer(LauncherPluginContext context) {
		return context.openTelemetry().getTracer("com.launcher.agentgateway");
	}

	/** The host's Tasker client, timed; the plugin's Tasker beans all go through it. */
	@Bean
	MeteredTaskerClient meteredTaskerClient(LauncherPluginContext context, GatewayMetrics gatewayMetrics,
			Clock gatewayClock, Tracer gatewayTracer) {
		return MeteredTaskerClient.of(context.taskerClient(), gatewayMetrics, gatewayClock, gatewayTracer);
	}

	/** What the host asks for {@code /mcp}: the introspector, its refusals counted. */
	@Bean
	MeteredIntrospector mcpIntrospector(AgentTokenIntrospector agentTokenIntrospector, GatewayMetrics gatewayMetrics) {
		return new MeteredIntrospector(agentTokenIntrospector, gatewayMetrics);
	}

	@Bean(destroyMethod = "close")
	GatewayHealthChecks gatewayHealthChecks(LauncherPluginContext context, DataSource gatewayDataSource,
			MeteredTaskerClient meteredTaskerClient, PgChangeListener policyChangeListener,
			GatewayMetrics gatewayMetrics, AuditLog auditLog, TaskerBudget taskerBudget,
			ReadModelStatus readModelStatus, Clock gatewayClock) {
		gatewayMetrics.bindGauge("agent_gateway.audit.chain.head",
				"Position of the newest event in the audit chain; it must keep rising while agents work",
				() -> MeteredAuditLog.head(auditLog));
		TaskerBudgetGauges budget = new TaskerBudgetGauges(taskerBudget, gatewayClock).bindTo(gatewayMetrics);
		gatewayMetrics.bindGauge("agent_gateway.sync.lag",
				"Seconds the read model's copy is behind Tasker, the largest over granted projects",
				readModelStatus::maxLagSeconds);
		for (WebhookVerdict verdict : WebhookVerdict.values()) {
			gatewayMetrics.bindCounter("agent_gateway.webhook.deliveries",
					"Tasker webhook deliveries this node answered, by outcome", "outcome", verdict.reason(),
					readModelStatus.deliveries(), (deliveries) -> deliveries.count(verdict));
		}
		return new GatewayHealthChecks(context.health(), gatewayDataSource, meteredTaskerClient,
				policyChangeListener::isListening, budget);
	}

}
