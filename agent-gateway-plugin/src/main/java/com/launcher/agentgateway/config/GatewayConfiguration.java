package com.launcher.agentgateway.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.audit.DeferredAudit;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.CachedTaskerProjects;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.MembershipCache;
import com.launcher.agentgateway.grant.TaskerProjects;
import com.launcher.agentgateway.grant.TaskerWorkspace;
import com.launcher.agentgateway.host.AgentTokenIntrospector;
import com.launcher.agentgateway.host.HostOwnerDirectory;
import com.launcher.agentgateway.host.HostRequestContext;
import com.launcher.agentgateway.host.HostSecretTokenHasher;
import com.launcher.agentgateway.host.OwnerLifecycleListener;
import com.launcher.agentgateway.host.RefusedRequestAuditor;
import com.launcher.agentgateway.host.OwnerStatusSync;
import com.launcher.agentgateway.persistence.MybatisPolicyStore;
import com.launcher.agentgateway.persistence.PgChangeListener;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.policy.PolicyStore;
import com.launcher.agentgateway.tasker.TaskerClientProjects;
import com.launcher.agentgateway.token.AgentAuthenticator;
import com.launcher.agentgateway.token.BlockedSourceSampler;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStore;
import com.launcher.agentgateway.web.CardLinks;
import com.launcher.agentgateway.web.WebControllers;
import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import liquibase.integration.spring.SpringLiquibase;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every bean of the plugin. The host's {@link LauncherPluginContext} is registered before
 * refresh; everything else comes from here. The stores ({@link PersistenceConfiguration})
 * depend on the migration, so the schema is current before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
@Import({ PersistenceConfiguration.class, TaskerBudgetConfiguration.class, ReadModelConfiguration.class,
		WebControllers.class, McpConfiguration.class, OAuthConfiguration.class, ObservabilityConfiguration.class })
public class GatewayConfiguration {

	@Bean
	GatewayProperties gatewayProperties(Environment environment) {
		return GatewayProperties.from(environment);
	}

	@Bean
	Clock gatewayClock() {
		return Clock.systemUTC();
	}

	// Host-owned: the plugin's context must never close it (Spring would infer close()).
	@Bean(destroyMethod = "")
	DataSource gatewayDataSource(LauncherPluginContext context) {
		return context.dataSource();
	}

	@Bean
	SpringLiquibase gatewayLiquibase(LauncherPluginContext context) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(context.schemaChangeDataSource());
		liquibase.setChangeLog("classpath:db/agent-gateway/changelog.xml");
		liquibase.setDatabaseChangeLogTable("agw_databasechangelog");
		liquibase.setDatabaseChangeLogLockTable("agw_databasechangeloglock");
		return liquibase;
	}

	/** The audit stores' transactions, one template for them all. */
	@Bean
	TransactionTemplate gatewayTransactions(SqlSessionTemplate gatewaySqlSession) {
		return GatewayTransactions.over(gatewaySqlSession);
	}

	@Bean
	RequestContext requestContext(LauncherPluginContext context) {
		return new HostRequestContext(context.requestIdentity());
	}

	@Bean
	UserActions userActions(AuditLog auditLog, RequestContext requestContext, Clock gatewayClock) {
		return new UserActions(auditLog, requestContext, gatewayClock);
	}

	@Bean
	PolicyService policyService(PolicyStore policyStore, UserActions userActions, Clock gatewayClock) {
		return new PolicyService(policyStore, userActions, gatewayClock);
	}

	/** Drops every node's cached policy as soon as any node changes it. */
	@Bean(destroyMethod = "close")
	PgChangeListener policyChangeListener(DataSource gatewayStatementDataSource, PolicyService policyService) {
		return new PgChangeListener(gatewayStatementDataSource, MybatisPolicyStore.CHANNEL, policyService::invalidate,
				Duration.ofMillis(500), Duration.ofMinutes(10));
	}

	@Bean
	OwnerDirectory ownerDirectory(LauncherPluginContext context) {
		return new HostOwnerDirectory(context.userDirectory());
	}

	// A card's address in Tasker's web app, when the host knows it; an id that is not a
	// readable id (an old event's) gets no link rather than an error on a page.
	@Bean
	CardLinks cardLinks(TaskerClient taskerClient) {
		return (workspace, cardId) -> {
			try {
				return taskerClient.webLink(workspace, WorkItemIdentifier.parse(cardId));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		};
	}

	@Bean
	TaskerWorkspace taskerWorkspace(Environment environment) {
		return new TaskerWorkspace(environment.getProperty("agent-gateway.tasker.workspace", TaskerWorkspace.DEFAULT));
	}

	/**
	 * The peppers: {@code agent-gateway.token-pepper.current} names the one new hashes
	 * are made with, {@code .previous} one still accepted during a rotation
	 * (docs/operations.md).
	 */
	@Bean
	TokenHasher tokenHasher(LauncherPluginContext context, Environment environment) {
		return new HostSecretTokenHasher(context.secrets(),
				environment.getProperty("agent-gateway.token-pepper.current", TokenHasher.DEFAULT_KEY_ID),
				environment.getProperty("agent-gateway.token-pepper.previous"));
	}

	/** A person's grantable projects are kept as long as membership answers. */
	@Bean
	TaskerProjects taskerProjects(TaskerClient taskerClient, TaskerBudgetProperties budgetProperties,
			Clock gatewayClock) {
		return new CachedTaskerProjects(new TaskerClientProjects(taskerClient), budgetProperties.membershipBound(),
				gatewayClock);
	}

	@Bean
	AgentService agentService(AgentStore agentStore, UserActions userActions, Clock gatewayClock) {
		return new AgentService(agentStore, userActions, gatewayClock);
	}

	@Bean
	GrantService grantService(AgentService agentService, GrantStore grantStore, OwnerDirectory ownerDirectory,
			TaskerProjects taskerProjects, UserActions userActions, Clock gatewayClock,
			MembershipCache membershipCache) {
		return new GrantService(agentService, grantStore, ownerDirectory, taskerProjects, userActions, gatewayClock,
				membershipCache);
	}

	@Bean
	TokenService tokenService(AgentService agentService, TokenStore tokenStore, TokenHasher tokenHasher,
			PolicyService policyService, UserActions userActions, Clock gatewayClock) {
		return new TokenService(agentService, tokenStore, new TokenCodec(new SecureRandom()), tokenHasher,
				policyService, userActions, gatewayClock);
	}

	/**
	 * Runs the owner cascades the request-time check hands off; one thread, since a
	 * cascade is a few statements and the periodic sync repairs whatever one misses.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService ownerCascades() {
		return Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "agent-gateway-owner-cascade");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	OwnerLifecycleService ownerLifecycleService(TokenStore tokenStore, OwnerDirectory ownerDirectory, AuditLog auditLog,
			Clock gatewayClock, ExecutorService ownerCascades, FailureNames failureNames) {
		return new OwnerLifecycleService(tokenStore, ownerDirectory, auditLog, gatewayClock, ownerCascades,
				failureNames);
	}

	@Bean
	AgentAuthenticator agentAuthenticator(TokenStore tokenStore, TokenHasher tokenHasher, SourceThrottle sourceThrottle,
			OwnerDirectory ownerDirectory, OwnerLifecycleService lifecycle, AuditLog auditLog, Clock gatewayClock) {
		// One summarising audit event per blocked source and minute (issue 12, point 2).
		return new AgentAuthenticator(tokenStore, tokenHasher, sourceThrottle, ownerDirectory, lifecycle, auditLog,
				gatewayClock, new BlockedSourceSampler(Duration.ofMinutes(1)));
	}

	@Bean
	AgentTokenIntrospector agentTokenIntrospector(AgentAuthenticator agentAuthenticator, AuditLog auditLog,
			DeferredAudit deferredAudit, Clock gatewayClock, FailureNames failureNames) {
		return new AgentTokenIntrospector(agentAuthenticator, auditLog, deferredAudit, gatewayClock, failureNames);
	}

	@Bean
	RefusedRequestAuditor refusedRequestAuditor(AuditLog auditLog, Clock gatewayClock) {
		return new RefusedRequestAuditor(auditLog, gatewayClock);
	}

	@Bean
	OwnerLifecycleListener ownerLifecycleListener(OwnerLifecycleService ownerLifecycleService) {
		return new OwnerLifecycleListener(ownerLifecycleService);
	}

	/**
	 * What the plugin's logs say of a caught failure: its type and, for a database's, the
	 * SQLState (and a connection failure's server), never a message that could quote
	 * values.
	 */
	@Bean
	FailureNames failureNames() {
		return SqlFailures::describe;
	}

	@Bean
	OwnerStatusSync ownerStatusSync(OwnerLifecycleService ownerLifecycleService, GatewayProperties properties,
			FailureNames failureNames) {
		return new OwnerStatusSync(ownerLifecycleService, properties.ownerSyncInterval(), failureNames);
	}

}
