package com.launcher.agentgateway.config;

import java.time.Clock;

import javax.sql.DataSource;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.persistence.MybatisReadModelSearch;
import com.launcher.agentgateway.persistence.MybatisReadModelStore;
import com.launcher.agentgateway.persistence.PgSyncLock;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStatus;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.readmodel.WebhookDeliveryCounts;
import com.launcher.agentgateway.readmodel.WebhookReceiver;
import com.launcher.agentgateway.tasker.Attribution;
import com.launcher.agentgateway.tasker.ReadModelSearch;
import com.launcher.agentgateway.tasker.ReadModelSync;
import com.launcher.agentgateway.tasker.TaskerWebhookReceiver;
import com.launcher.agentgateway.web.TaskerWebhookController;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.tasker.TaskerClient;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The read model (issue 14): the copy's store, the sync that heals it on one node at a
 * time, and the webhook receiver that feeds it ({@code agent-gateway.read-model.*}).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

	@Bean
	ReadModelSettings readModelSettings(Environment environment) {
		ReadModelSettings defaults = ReadModelSettings.defaults();
		String prefix = "agent-gateway.read-model.";
		return new ReadModelSettings(environment.getProperty(prefix + "enabled", Boolean.class, defaults.enabled()),
				GatewayProperties.duration(environment, prefix + "sync-interval", defaults.syncInterval()),
				GatewayProperties.duration(environment, prefix + "sweep-interval", defaults.sweepInterval()),
				GatewayProperties.duration(environment, prefix + "meta-interval", defaults.metaInterval()),
				GatewayProperties.duration(environment, prefix + "comments-bound", defaults.commentsBound()),
				GatewayProperties.duration(environment, prefix + "purge-after", defaults.purgeAfter()),
				GatewayProperties.duration(environment, prefix + "webhook-max-age", defaults.webhookMaxAge()),
				environment.getProperty(prefix + "webhook-max-bytes", Integer.class, defaults.webhookMaxBytes()));
	}

	@Bean
	ReadModelStore readModelStore(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisReadModelStore(gatewaySqlSession);
	}

	/** Text search (issue 15 point 3): only ever from the copy, see ReadModelSearch. */
	@Bean
	WorkItemSearch workItemSearch(SqlSessionTemplate gatewaySqlSession, ReadModelStore readModelStore,
			ReadModelSettings readModelSettings, ReadModelSync readModelSync) {
		return new ReadModelSearch(new MybatisReadModelSearch(gatewaySqlSession), readModelStore, readModelSettings,
				readModelSync::kick);
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	ReadModelSync readModelSync(TaskerClient taskerClient, ReadModelStore readModelStore, DataSource gatewayDataSource,
			ReadModelSettings readModelSettings, Clock gatewayClock, Attribution attribution,
			FailureNames failureNames) {
		return new ReadModelSync(taskerClient, readModelStore, new PgSyncLock(gatewayDataSource), readModelSettings,
				gatewayClock, attribution, failureNames);
	}

	@Bean
	WebhookReceiver webhookReceiver(LauncherPluginContext context, Attribution attribution,
			ReadModelStore readModelStore, ReadModelSettings readModelSettings, Clock gatewayClock) {
		// The one attribution, checked at start, as the adapter and the sync use.
		return new TaskerWebhookReceiver(context.secrets(), attribution, readModelStore, readModelSettings,
				gatewayClock);
	}

	@Bean
	WebhookDeliveryCounts webhookDeliveryCounts() {
		return new WebhookDeliveryCounts();
	}

	@Bean
	ReadModelStatus readModelStatus(ReadModelStore readModelStore, WebhookDeliveryCounts webhookDeliveryCounts,
			Clock gatewayClock, ReadModelSettings readModelSettings) {
		return new ReadModelStatus(readModelStore, webhookDeliveryCounts, gatewayClock, readModelSettings.enabled());
	}

	@Bean
	TaskerWebhookController taskerWebhookController(WebhookReceiver webhookReceiver,
			ReadModelSettings readModelSettings, WebhookDeliveryCounts webhookDeliveryCounts) {
		return new TaskerWebhookController(webhookReceiver, readModelSettings.webhookMaxBytes(), webhookDeliveryCounts);
	}

}
