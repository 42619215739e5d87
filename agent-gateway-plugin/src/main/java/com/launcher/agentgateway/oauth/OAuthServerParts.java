package com.launcher.agentgateway.oauth;

import java.time.Clock;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStore;

/**
 * The collaborators of the authorization server's endpoints
 * ({@link AuthorizationEndpoint}, {@link TokenEndpoint}, {@link OAuthConnections}),
 * gathered so that their constructors stay readable.
 */
public record OAuthServerParts(ClientRegistry clients, AuthorizationCodeStore codes, RefreshTokenStore refreshTokens,
		AgentService agents, AgentStore agentStore, GrantService grants, TokenService tokens, TokenStore tokenStore,
		TokenHasher hasher, OwnerDirectory owners, OwnerLifecycleService lifecycle, PolicyService policy,
		AuditLog audit, RequestContext request, Clock clock) {
}
