package com.launcher.agentgateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.audit.AuditChainKey;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditRetention;
import com.launcher.agentgateway.audit.DeferredAudit;
import com.launcher.agentgateway.audit.GroupedAuditAppender;
import com.launcher.agentgateway.audit.StoredAuditLog;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.host.HostSecretAuditChainKey;
import com.launcher.agentgateway.idempotency.IdempotencyStore;
import com.launcher.agentgateway.observe.GatewayMetrics;
import com.launcher.agentgateway.observe.MeteredAuditLog;
import com.launcher.agentgateway.persistence.InstantTypeHandler;
import com.launcher.agentgateway.persistence.MybatisAgentStore;
import com.launcher.agentgateway.persistence.MybatisAuditAppender;
import com.launcher.agentgateway.persistence.MybatisAuditPruner;
import com.launcher.agentgateway.persistence.MybatisAuditReader;
import com.launcher.agentgateway.persistence.MybatisGrantStore;
import com.launcher.agentgateway.persistence.MybatisIdempotencyStore;
import com.launcher.agentgateway.persistence.MybatisPolicyStore;
import com.launcher.agentgateway.persistence.MybatisRateLimiter;
import com.launcher.agentgateway.persistence.MybatisSourceThrottle;
import com.launcher.agentgateway.persistence.MybatisTokenStore;
import com.launcher.agentgateway.persistence.MybatisWriteBudget;
import com.launcher.agentgateway.persistence.RowReadingConfiguration;
import com.launcher.agentgateway.persistence.ServerStatementTimeout;
import com.launcher.agentgateway.persistence.StatementBoundDataSource;
import com.launcher.agentgateway.persistence.TracingStatementInterceptor;
import com.launcher.agentgateway.persistence.UuidTypeHandler;
import com.launcher.agentgateway.policy.PolicyStore;
import com.launcher.agentgateway.ratelimit.LeasingRateLimiter;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenStore;
import com.launcher.host.api.LauncherPluginContext;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.type.TypeHandler;
import org.mybatis.spring.MyBatisExceptionTranslator;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plugin's stores on MyBatis, over the host's data source. The plugin builds its own
 * {@link SqlSessionFactory}: the host's, if it has one, knows neither these mappers nor
 * the plugin's class loader.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

	/** One mapper file per store, under the plugin's resource namespace. */
	static final List<String> MAPPERS = List.of("AgentMapper", "AuditMapper", "GrantMapper", "IdempotencyMapper",
			"MembershipCacheMapper", "PolicyMapper", "RateMapper", "ReadModelMapper", "ReadModelSearchMapper",
			"SourceThrottleMapper", "TaskerBudgetMapper", "TokenMapper", "WriteBudgetMapper", "OAuthClientMapper",
			"OAuthCodeMapper", "OAuthRefreshTokenMapper", "AuditStreamMapper");

	/** The most concurrent audit events appended as one group (GroupedAuditAppender). */
	static final int AUDIT_GROUP = 64;

	/** The most refusal events kept in memory while the database is away. */
	static final int DEFERRED_AUDIT_CAPACITY = 10_000;

	/** The default of {@code agent-gateway.database.statement-timeout}. */
	static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(4);

	/**
	 * The host's data source with every statement bounded: a hung database turns into a
	 * refusal within seconds (issue 18 point 5), not a request that waits for minutes.
	 * The migration does not use it: a change set may take longer, once, at start.
	 */
	@Bean(destroyMethod = "")
	DataSource gatewayStatementDataSource(DataSource gatewayDataSource, Environment environment) {
		return new StatementBoundDataSource(gatewayDataSource, statementTimeout(environment));
	}

	@Bean
	@DependsOn("gatewayLiquibase")
	SqlSessionFactory gatewaySqlSessionFactory(DataSource gatewayStatementDataSource, Environment environment,
			Tracer gatewayTracer, LauncherPluginContext context) throws Exception {
		SqlSessionFactory factory = sqlSessionFactory(gatewayStatementDataSource,
				ServerStatementTimeout.driverTimeout(gatewayStatementDataSource, statementTimeout(environment)));
		// When the host exports traces, every session's executor is wrapped: statements
		// of a traced request become its child spans. Without an exporter the host hands
		// out the no-op API, and the wrapping (a proxy built by reflection for every
		// statement) would only cost each request time for spans nobody records.
		if (context.openTelemetry() != OpenTelemetry.noop()) {
			factory.getConfiguration().addInterceptor(new TracingStatementInterceptor(gatewayTracer));
		}
		return factory;
	}

	static Duration statementTimeout(Environment environment) {
		Duration timeout = GatewayProperties.duration(environment, "agent-gateway.database.statement-timeout",
				STATEMENT_TIMEOUT);
		if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("agent-gateway.database.statement-timeout must be between 1s and 60s");
		}
		return timeout;
	}

	/**
	 * Builds the factory under the plugin's class loader, whoever calls it.
	 * <p>
	 * MyBatis resolves the names in mapper files (result types, mapper interfaces) by
	 * trying the thread's context class loader before its own. Under PF4J the plugin's
	 * class loader is the context class loader while the plugin's context refreshes, but
	 * a factory built on any other thread would ask the host's first. So the mapper files
	 * are read through the plugin's class loader, the type handlers are given as objects,
	 * nothing is found by scanning packages (MyBatis's VFS does not know PF4J's class
	 * path), and the context class loader is the plugin's while the factory is built.
	 * @param dataSource the host's data source
	 * @param driverTimeout when the driver cancels a statement; {@code null} where the
	 * server does ({@link ServerStatementTimeout})
	 * @return the factory
	 * @throws Exception when a mapper file does not parse
	 */
	public static SqlSessionFactory sqlSessionFactory(DataSource dataSource, Duration driverTimeout) throws Exception {
		ClassLoader plugin = PersistenceConfiguration.class.getClassLoader();
		org.apache.ibatis.session.Configuration configuration = new RowReadingConfiguration();
		// Columns map onto record components by name (owner_user_id -> ownerUserId); the
		// plugin compiles with -parameters, which names them.
		configuration.setMapUnderscoreToCamelCase(true);
		configuration.setArgNameBasedConstructorAutoMapping(true);
		// The mapper files are formatted for reading; the server gets one line.
		configuration.setShrinkWhitespacesInSql(true);
		// Every mapper call is its own short session: nothing to cache across calls, and
		// a cached row could hide a revoke made on another node.
		configuration.setCacheEnabled(false);
		configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
		configuration.setDefaultExecutorType(ExecutorType.SIMPLE);
		configuration.setDefaultStatementTimeout((driverTimeout != null) ? (int) driverTimeout.toSeconds() : null);
		SqlSessionFactoryBean factory = new SqlSessionFactoryBean();
		factory.setDataSource(dataSource);
		factory.setConfiguration(configuration);
		factory.setTypeHandlers(new TypeHandler<?>[] { new UuidTypeHandler(), new InstantTypeHandler() });
		factory.setMapperLocations(MAPPERS.stream()
			.map((name) -> new ClassPathResource("db/agent-gateway/mappers/" + name + ".xml", plugin))
			.toArray(Resource[]::new));
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(plugin);
		try {
			return factory.getObject();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Thread-safe; each call borrows a connection for one statement, or joins the Spring
	 * transaction in progress, and turns SQL errors into Spring's exceptions.
	 */
	@Bean
	SqlSessionTemplate gatewaySqlSession(SqlSessionFactory gatewaySqlSessionFactory) {
		// Failures are translated by SQL state alone: the default translator reads the
		// database's metadata on first use, which costs a connection wait when the
		// database is down, just when an answer must come fast (issue 18 point 5).
		return new SqlSessionTemplate(gatewaySqlSessionFactory,
				gatewaySqlSessionFactory.getConfiguration().getDefaultExecutorType(),
				new MyBatisExceptionTranslator(SQLStateSQLExceptionTranslator::new, true));
	}

	@Bean
	AgentStore agentStore(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisAgentStore(gatewaySqlSession);
	}

	@Bean
	TokenStore tokenStore(SqlSessionTemplate gatewaySqlSession, TokenHasher tokenHasher) {
		return new MybatisTokenStore(gatewaySqlSession, tokenHasher.keyId());
	}

	@Bean
	GrantStore grantStore(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisGrantStore(gatewaySqlSession);
	}

	@Bean
	PolicyStore policyStore(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisPolicyStore(gatewaySqlSession);
	}

	@Bean
	IdempotencyStore idempotencyStore(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisIdempotencyStore(gatewaySqlSession);
	}

	/** The audit chain's key, held by the host; the plugin does not start without it. */
	@Bean
	AuditChainKey auditChainKey(LauncherPluginContext context) {
		return new HostSecretAuditChainKey(context.secrets());
	}

	/** The keyed start is made here if missing; a chain with events needs consent. */
	@Bean
	AuditLog auditLog(SqlSessionTemplate gatewaySqlSession, GatewayMetrics gatewayMetrics, AuditChainKey auditChainKey,
			GatewayProperties properties, TransactionTemplate gatewayTransactions) {
		MybatisAuditAppender stored = new MybatisAuditAppender(gatewaySqlSession, gatewayTransactions, auditChainKey);
		stored.startKeyedChain(properties.auditKeyExistingChain());
		return new MeteredAuditLog(new StoredAuditLog(new GroupedAuditAppender(stored, AUDIT_GROUP),
				new MybatisAuditReader(gatewaySqlSession, gatewayTransactions), auditChainKey), gatewayMetrics);
	}

	/**
	 * The events of refusals made while the database could not answer, appended once it
	 * does; a refused request must not wait for a second timeout to be audited.
	 */
	@Bean(initMethod = "start", destroyMethod = "stop")
	DeferredAudit deferredAudit(AuditLog auditLog, Clock gatewayClock) {
		return new DeferredAudit(auditLog, DEFERRED_AUDIT_CAPACITY, Duration.ofSeconds(1), gatewayClock);
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	AuditRetention auditRetention(SqlSessionTemplate gatewaySqlSession, GatewayProperties properties,
			Clock gatewayClock, AuditChainKey auditChainKey, TransactionTemplate gatewayTransactions,
			FailureNames failureNames) {
		return new AuditRetention(new MybatisAuditPruner(gatewaySqlSession, gatewayTransactions, auditChainKey),
				properties.auditRetention(), properties.auditPruneInterval(), gatewayClock, failureNames);
	}

	/**
	 * The shared buckets, leased to busy agents a few tokens at a time
	 * ({@link LeasingRateLimiter}).
	 */
	@Bean
	RateLimiter rateLimiter(SqlSessionTemplate gatewaySqlSession, GatewayProperties properties) {
		return new LeasingRateLimiter(new MybatisRateLimiter(gatewaySqlSession), properties.rateLeaseFor(),
				properties.rateLeaseMax(), System::nanoTime);
	}

	@Bean
	WriteBudget writeBudget(SqlSessionTemplate gatewaySqlSession) {
		return new MybatisWriteBudget(gatewaySqlSession);
	}

	@Bean
	SourceThrottle sourceThrottle(SqlSessionTemplate gatewaySqlSession, GatewayProperties properties) {
		return new MybatisSourceThrottle(gatewaySqlSession, properties.authFailureLimit(),
				properties.authFailureWindow(), properties.authFailureBlock());
	}

}
