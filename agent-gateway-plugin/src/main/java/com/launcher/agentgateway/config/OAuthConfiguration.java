package com.launcher.agentgateway.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.TaskerWorkspace;
import com.launcher.agentgateway.oauth.AuthorizationEndpoint;
import com.launcher.agentgateway.oauth.ClientMetadataDocuments;
import com.launcher.agentgateway.oauth.ClientRegistry;
import com.launcher.agentgateway.oauth.OAuthConnections;
import com.launcher.agentgateway.oauth.OAuthServerParts;
import com.launcher.agentgateway.oauth.OAuthSettings;
import com.launcher.agentgateway.oauth.TokenEndpoint;
import com.launcher.agentgateway.persistence.oauth.MybatisAuthorizationCodeStore;
import com.launcher.agentgateway.persistence.oauth.MybatisOAuthClientStore;
import com.launcher.agentgateway.persistence.oauth.MybatisRefreshTokenStore;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStore;
import com.launcher.agentgateway.web.CurrentActor;
import com.launcher.agentgateway.web.oauth.HttpClientMetadataDocuments;
import com.launcher.agentgateway.web.oauth.OAuthConsentController;
import com.launcher.agentgateway.web.oauth.OAuthEndpointController;
import com.launcher.agentgateway.web.oauth.OAuthUrls;
import com.launcher.host.api.LauncherPluginContext;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OAuth 2.1 authorization server for agents (issue 16); imported by
 * {@link GatewayConfiguration}. Settings live under {@code agent-gateway.oauth.*}:
 * {@code code-lifetime} (default 60 s), {@code unused-client-lifetime} (default 1 day),
 * {@code registrations-per-source-per-day} (default 20),
 * {@code metadata-documents.enabled} (default true), {@code metadata-documents.cache-for}
 * (default 1 h), {@code metadata-documents.timeout} (default 5 s) and
 * {@code metadata-documents.allow-loopback} (default false; development and tests only).
 */
@Configuration(proxyBeanMethods = false)
public class OAuthConfiguration {

	/** Prefix of authorization codes: never presentable as a token. */
	static final String CODE_PREFIX = "agwc_";

	/** Prefix of refresh tokens: never presentable as an access token. */
	static final String REFRESH_PREFIX = "agwr_";

	/*
	 * One source of randomness and one codec for each kind of secret, shared by the
	 * endpoint that mints it and those that check it: SecureRandom is thread-safe, and a
	 * codec holds nothing else.
	 */
	private final SecureRandom random = new SecureRandom();

	private final TokenCodec codes = new TokenCodec(this.random, CODE_PREFIX);

	private final TokenCodec refreshTokens = new TokenCodec(this.random, REFRESH_PREFIX);

	@Bean
	OAuthSettings oauthSettings(Environment environment) {
		return new OAuthSettings(
				GatewayProperties.duration(environment, "agent-gateway.oauth.code-lifetime", Duration.ofSeconds(60)),
				GatewayProperties.duration(environment, "agent-gateway.oauth.unused-client-lifetime",
						Duration.ofDays(1)),
				environment.getProperty("agent-gateway.oauth.registrations-per-source-per-day", Integer.class, 20),
				environment.getProperty("agent-gateway.oauth.metadata-documents.enabled", Boolean.class, true),
				GatewayProperties.duration(environment, "agent-gateway.oauth.metadata-documents.cache-for",
						Duration.ofHours(1)));
	}

	/** Resolves client metadata documents' names off the request thread, to bound it. */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService oauthResolver() {
		return Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "agw-oauth-resolver");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	ClientMetadataDocuments clientMetadataDocuments(ExecutorService oauthResolver, Environment environment) {
		Duration timeout = GatewayProperties.duration(environment, "agent-gateway.oauth.metadata-documents.timeout",
				Duration.ofSeconds(5));
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new IllegalArgumentException(
					"agent-gateway.oauth.metadata-documents.timeout must be positive and at most 30 s");
		}
		return new HttpClientMetadataDocuments(oauthResolver, timeout,
				environment.getProperty("agent-gateway.oauth.metadata-documents.allow-loopback", Boolean.class, false));
	}

	@Bean
	ClientRegistry clientRegistry(SqlSessionTemplate gatewaySqlSession, ClientMetadataDocuments documents,
			OAuthSettings oauthSettings, AuditLog auditLog, RequestContext requestContext, Clock gatewayClock) {
		return new ClientRegistry(new MybatisOAuthClientStore(gatewaySqlSession), documents, oauthSettings, auditLog,
				requestContext, gatewayClock);
	}

	@Bean
	OAuthServerParts oauthServerParts(ClientRegistry clientRegistry, SqlSessionTemplate gatewaySqlSession,
			AgentService agentService, AgentStore agentStore, GrantService grantService, TokenService tokenService,
			TokenStore tokenStore, TokenHasher tokenHasher, OwnerDirectory ownerDirectory,
			OwnerLifecycleService ownerLifecycleService, PolicyService policyService, AuditLog auditLog,
			RequestContext requestContext, Clock gatewayClock) {
		return new OAuthServerParts(clientRegistry, new MybatisAuthorizationCodeStore(gatewaySqlSession),
				new MybatisRefreshTokenStore(gatewaySqlSession, tokenHasher.keyId()), agentService, agentStore,
				grantService, tokenService, tokenStore, tokenHasher, ownerDirectory, ownerLifecycleService,
				policyService, auditLog, requestContext, gatewayClock);
	}

	@Bean
	AuthorizationEndpoint authorizationEndpoint(OAuthServerParts oauthServerParts, OAuthSettings oauthSettings) {
		return new AuthorizationEndpoint(oauthServerParts, oauthSettings, this.codes);
	}

	@Bean
	TokenEndpoint tokenEndpoint(OAuthServerParts oauthServerParts) {
		return new TokenEndpoint(oauthServerParts, this.codes, this.refreshTokens);
	}

	@Bean
	OAuthConnections oauthConnections(OAuthServerParts oauthServerParts) {
		return new OAuthConnections(oauthServerParts, this.refreshTokens);
	}

	/** The server's URLs under the external base URL of the request being served. */
	@Bean
	Supplier<OAuthUrls> oauthUrls(LauncherPluginContext context) {
		return () -> new OAuthUrls(context.requestIdentity().baseUrl().toString(), context.pluginId());
	}

	@Bean
	OAuthEndpointController oauthEndpointController(TokenEndpoint tokenEndpoint, OAuthConnections oauthConnections,
			ClientRegistry clientRegistry, Supplier<OAuthUrls> oauthUrls, FailureNames failureNames) {
		return new OAuthEndpointController(tokenEndpoint, oauthConnections, clientRegistry, oauthUrls, failureNames);
	}

	@Bean
	OAuthConsentController oauthConsentController(AuthorizationEndpoint authorizationEndpoint,
			AgentService agentService, GrantService grantService, CurrentActor currentActor,
			Supplier<OAuthUrls> oauthUrls, TaskerWorkspace taskerWorkspace) {
		return new OAuthConsentController(authorizationEndpoint, agentService, grantService, currentActor, oauthUrls,
				taskerWorkspace);
	}

}
