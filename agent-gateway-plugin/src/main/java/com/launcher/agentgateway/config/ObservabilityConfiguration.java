package com.launcher.agentgateway.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditStreamer;
import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.host.AgentTokenIntrospector;
import com.launcher.agentgateway.observe.FileAuditSink;
import com.launcher.agentgateway.observe.GatewayHealthChecks;
import com.launcher.agentgateway.observe.GatewayMetrics;
import com.launcher.agentgateway.observe.MeteredAuditLog;
import com.launcher.agentgateway.observe.MeteredIntrospector;
import com.launcher.agentgateway.observe.MeteredTaskerClient;
import com.launcher.agentgateway.observe.TaskerBudgetGauges;
import com.launcher.agentgateway.persistence.MybatisAuditStreamStore;
import com.launcher.agentgateway.persistence.PgChangeListener;
import com.launcher.agentgateway.readmodel.ReadModelStatus;
import com.launcher.agentgateway.readmodel.WebhookVerdict;
import com.launcher.host.api.LauncherPluginContext;
import io.opentelemetry.api.trace.Tracer;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Metrics, health and traces (issue 18), in the host's registry, health and OpenTelemetry
 * through the host contract. The host removes the meters and checks when the plugin
 * stops; the checks are also closed with this context, so a check never outlives the
 * beans it reads.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	/** The audit stream's cursor (agw_audit_stream.sink) of the file sink. */
	static final String AUDIT_STREAM_SINK = "file";

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

	/**
	 * The audit stream to a SIEM's JSON Lines file (issue 18 point 4), off unless
	 * {@code agent-gateway.audit.stream.file} is set.
	 */
	@Bean(initMethod = "start", destroyMethod = "stop")
	AuditStreamer auditStreamer(SqlSessionTemplate gatewaySqlSession, Environment environment,
			GatewayMetrics gatewayMetrics, TransactionTemplate gatewayTransactions, FailureNames failureNames) {
		String file = environment.getProperty("agent-gateway.audit.stream.file", "").strip();
		int batch = environment.getProperty("agent-gateway.audit.stream.batch", Integer.class, 500);
		if (batch < 1 || batch > 10_000) {
			throw new IllegalArgumentException("agent-gateway.audit.stream.batch must be between 1 and 10000");
		}
		Duration interval = GatewayProperties.duration(environment, "agent-gateway.audit.stream.interval",
				Duration.ofSeconds(1));
		if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("agent-gateway.audit.stream.interval must be between 100ms and 1h");
		}
		AuditStreamer streamer = new AuditStreamer(new MybatisAuditStreamStore(gatewaySqlSession, gatewayTransactions),
				file.isEmpty() ? null : new FileAuditSink(Path.of(file)), AUDIT_STREAM_SINK, batch, interval,
				failureNames);
		if (!file.isEmpty()) {
			gatewayMetrics.bindGauge("agent_gateway.audit.stream.behind",
					"Audit events stored but not yet in the audit stream's file, as of this node's last pass",
					streamer::behind);
		}
		return streamer;
	}

}
