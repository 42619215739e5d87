package com.launcher.agentgateway.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TestAgentTokens;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The authorization server's endpoints together ({@link AuthorizationEndpoint},
 * {@link TokenEndpoint}, {@link OAuthConnections}): every grant starts from a consent, so
 * they share one fixture and one flow.
 */
class AuthorizationServerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String RESOURCE = "https://launcher.example/plugins/agent-gateway/mcp";

	private static final String CALLBACK = "http://127.0.0.1/callback";

	private static final String REDIRECT = "http://127.0.0.1:4321/callback";

	private static final UUID OWNER = UUID.randomUUID();

	private final ClientRegistryTests.MutableClock clock = new ClientRegistryTests.MutableClock(NOW);

	private final InMemoryOAuthStores.Clients clientStore = new InMemoryOAuthStores.Clients();

	private final InMemoryOAuthStores.Codes codes = new InMemoryOAuthStores.Codes();

	private final InMemoryOAuthStores.RefreshTokens refreshTokens = new InMemoryOAuthStores.RefreshTokens();

	private final AuditLog audit = mock(AuditLog.class);

	private final AgentService agents = mock(AgentService.class);

	private final AgentStore agentStore = mock(AgentStore.class);

	private final GrantService grants = mock(GrantService.class);

	private final TokenService tokens = mock(TokenService.class);

	private final TokenStore tokenStore = mock(TokenStore.class);

	private final OwnerDirectory owners = mock(OwnerDirectory.class);

	private final OwnerLifecycleService lifecycle = mock(OwnerLifecycleService.class);

	private final PolicyService policy = mock(PolicyService.class);

	private final Agent agent = TestAgents.ownedBy(OWNER, "codex");

	private ClientRegistry clients;

	private AuthorizationEndpoint authorization;

	private TokenEndpoint tokenEndpoint;

	private OAuthConnections connections;

	private OAuthClient client;

	private final String verifier = "verifier-" + "v".repeat(40);

	@BeforeEach
	void setUp() {
		this.clients = new ClientRegistry(this.clientStore, (id) -> {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "metadata_unreachable", "Unreachable.");
		}, OAuthSettings.defaults(), this.audit, RequestContext.NONE, this.clock);
		OAuthServerParts parts = new OAuthServerParts(this.clients, this.codes, this.refreshTokens, this.agents,
				this.agentStore, this.grants, this.tokens, this.tokenStore, TestAgentTokens.hasher(), this.owners,
				this.lifecycle, this.policy, this.audit, RequestContext.NONE, this.clock);
		TokenCodec codeCodec = new TokenCodec(new SecureRandom(), "agwc_");
		TokenCodec refreshCodec = new TokenCodec(new SecureRandom(), "agwr_");
		this.authorization = new AuthorizationEndpoint(parts, OAuthSettings.defaults(), codeCodec);
		this.tokenEndpoint = new TokenEndpoint(parts, codeCodec, refreshCodec);
		this.connections = new OAuthConnections(parts, refreshCodec);
		this.client = this.clients
			.register(new ClientMetadata(null, "Codex", List.of(CALLBACK), "none", Set.of(), Set.of(), Set.of()));
		when(this.policy.current()).thenReturn(Policy.defaults());
		when(this.agents.create(any(), anyString(), anyString())).thenReturn(this.agent);
		when(this.agents.get(any(), eq(this.agent.id()))).thenReturn(this.agent);
		when(this.agents.getOwn(any(), eq(this.agent.id()))).thenReturn(this.agent);
		when(this.agentStore.findById(this.agent.id())).thenReturn(Optional.of(this.agent));
		when(this.owners.find(OWNER)).thenReturn(Optional.of(TestAgents.activeOwner(OWNER)));
		when(this.tokens.mintForOAuthClient(any(), any(), any(), any())).thenAnswer((call) -> {
			AgentToken token = TestAgentTokens.inFamily(this.agent.id(), call.getArgument(1));
			when(this.tokenStore.findById(token.id())).thenReturn(Optional.of(token));
			return new TokenService.MintedToken(token, TestAgentTokens.secret());
		});
	}

	// ---- authorization endpoint

	@Test
	void authorizeWhenValidThenConsentWithGrantedScopeAndOneEvent() {
		AuthorizationCheck check = this.authorization.authorize(ask(), RESOURCE, OWNER);
		assertThat(check).isInstanceOfSatisfying(AuthorizationCheck.Valid.class, (valid) -> {
			assertThat(valid.redirectUri()).isEqualTo(REDIRECT);
			assertThat(valid.scope()).isEqualTo("tasker");
			assertThat(valid.resource()).isEqualTo(RESOURCE);
			assertThat(valid.state()).isEqualTo("st");
		});
		assertThat(lastEvent().action()).isEqualTo("oauth.authorize");
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
	}

	@Test
	void authorizeWhenClientOrRedirectCannotBeVerifiedThenShownNeverRedirected() {
		assertShown(ask(null, REDIRECT, "S256", List.of(), Set.of(), null), "client_id_missing");
		assertShown(ask("unknown", REDIRECT, "S256", List.of(), Set.of(), null), "unknown_client");
		assertShown(ask(this.client.clientId(), null, "S256", List.of(), Set.of(), null), "redirect_uri_missing");
		assertShown(ask(this.client.clientId(), "https://attacker.example/cb", "S256", List.of(), Set.of(), null),
				"redirect_uri_mismatch");
		assertShown(ask("https://client.example/client.json", REDIRECT, "S256", List.of(), Set.of(), null),
				"metadata_unreachable");
	}

	@Test
	void authorizeWhenVerifiedButInvalidThenRedirectedWithTheSpecError() {
		assertRedirected(ask(this.client.clientId(), REDIRECT, null, List.of(), Set.of(), null), "pkce_s256_required",
				OAuthError.INVALID_REQUEST);
		assertRedirected(ask(this.client.clientId(), REDIRECT, "plain", List.of(), Set.of(), null),
				"pkce_s256_required", OAuthError.INVALID_REQUEST);
		assertRedirected(
				ask(this.client.clientId(), REDIRECT, "S256", List.of("https://elsewhere.example/mcp"), Set.of(), null),
				"resource_mismatch", OAuthError.INVALID_TARGET);
		assertRedirected(
				ask(this.client.clientId(), REDIRECT, "S256", List.of(RESOURCE, RESOURCE + "2"), Set.of(), null),
				"resource_mismatch", OAuthError.INVALID_TARGET);
		assertRedirected(ask(this.client.clientId(), REDIRECT, "S256", List.of(), Set.of("tasker", "admin"), null),
				"unknown_scope", OAuthError.INVALID_SCOPE);
		OAuthException problem = new OAuthException(OAuthError.INVALID_REQUEST, "malformed", "Malformed.");
		assertRedirected(ask(this.client.clientId(), REDIRECT, "S256", List.of(), Set.of(), problem), "malformed",
				OAuthError.INVALID_REQUEST);
		AuthorizationAsk noChallenge = new AuthorizationAsk(this.client.clientId(), REDIRECT, "code", "st", null, null,
				List.of(), Set.of(), null);
		assertRedirected(noChallenge, "pkce_required", OAuthError.INVALID_REQUEST);
		AuthorizationAsk shortChallenge = new AuthorizationAsk(this.client.clientId(), REDIRECT, "code", "st", "abc",
				"S256", List.of(), Set.of(), null);
		assertRedirected(shortChallenge, "pkce_challenge_malformed", OAuthError.INVALID_REQUEST);
		AuthorizationAsk implicit = new AuthorizationAsk(this.client.clientId(), REDIRECT, "token", "st",
				challenge(this.verifier), "S256", List.of(), Set.of(), null);
		assertRedirected(implicit, "response_type_unsupported", OAuthError.UNSUPPORTED_RESPONSE_TYPE);
		AuthorizationAsk longState = new AuthorizationAsk(this.client.clientId(), REDIRECT, "code", "s".repeat(1_001),
				challenge(this.verifier), "S256", List.of(), Set.of(), null);
		AuthorizationCheck check = this.authorization.authorize(longState, RESOURCE, OWNER);
		assertThat(check).isInstanceOfSatisfying(AuthorizationCheck.Redirected.class,
				(r) -> assertThat(r.state()).isNull());
	}

	@Test
	void decideWhenDeniedThenAccessDeniedAndNothingCreated() {
		AuthorizationCheck check = this.authorization.decide(ask(), RESOURCE, OWNER,
				consent(false, null, "x", Map.of()));
		assertThat(check).isInstanceOfSatisfying(AuthorizationCheck.Redirected.class,
				(r) -> assertThat(r.error().error()).isEqualTo(OAuthError.ACCESS_DENIED));
		verify(this.agents, never()).create(any(), any(), any());
		assertThat(this.codes.codes).isEmpty();
	}

	@Test
	void decideWhenApprovedForANewAgentThenCreatedAsTheOwnerNotAsAdminWithGrantsAndACode() {
		UUID project = UUID.randomUUID();
		AuthorizationCheck check = this.authorization.decide(ask(), RESOURCE, OWNER,
				consent(true, null, "codex", Map.of(project, Access.WRITE)));
		assertThat(check).isInstanceOfSatisfying(AuthorizationCheck.Approved.class,
				(a) -> assertThat(a.code()).startsWith("agwc_"));
		verify(this.agents).create(eq(new Actor(OWNER, false)), eq("codex"), anyString());
		verify(this.grants).create(new Actor(OWNER, false), this.agent.id(), "demo", project, "WRITE");
		assertThat(this.codes.codes).hasSize(1);
		assertThat(this.codes.codes.values().iterator().next().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(lastEvent().action()).isEqualTo("oauth.consent");
		assertThat(lastEvent().agentId()).isEqualTo(this.agent.id());
		assertThat(lastEvent().ownerUserId()).isEqualTo(OWNER);
		assertThat(lastEvent().actorType()).isEqualTo(AuditEvent.ActorType.USER);
		assertThat(lastEvent().actorId()).isEqualTo(OWNER.toString());
		assertThat(lastEvent().targetType()).isEqualTo("oauth_client");
		assertThat(lastEvent().targetId()).isEqualTo(this.client.clientId());
		assertThat(lastEvent().occurredAt()).isEqualTo(NOW);
	}

	@Test
	void decideWhenExistingAgentThenGrantsUpdatedOnlyWhereTheAccessChanges() {
		UUID same = UUID.randomUUID();
		UUID changed = UUID.randomUUID();
		Grant sameGrant = grant(same, Access.READ);
		Grant changedGrant = grant(changed, Access.READ);
		when(this.grants.list(any(), eq(this.agent.id()))).thenReturn(List.of(sameGrant, changedGrant));
		this.authorization.decide(ask(), RESOURCE, OWNER,
				consent(true, this.agent.id(), null, Map.of(same, Access.READ, changed, Access.WRITE)));
		verify(this.grants).delete(new Actor(OWNER, false), this.agent.id(), changedGrant.id());
		verify(this.grants).create(new Actor(OWNER, false), this.agent.id(), "demo", changed, "WRITE");
		verify(this.grants, never()).create(any(), any(), any(), eq(same), any());
	}

	@Test
	void decideWhenAgentDisabledOrNoAgentChosenThenGatewayErrorAndNoCode() {
		Agent disabled = TestAgents.withStatus(this.agent, AgentStatus.DISABLED);
		when(this.agents.getOwn(any(), eq(this.agent.id()))).thenReturn(disabled);
		assertThatExceptionOfType(GatewayException.class).isThrownBy(
				() -> this.authorization.decide(ask(), RESOURCE, OWNER, consent(true, this.agent.id(), null, Map.of())))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.AGENT_DISABLED));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.authorization.decide(ask(), RESOURCE, OWNER, consent(true, null, " ", Map.of())));
		assertThat(this.codes.codes).isEmpty();
	}

	@Test
	void decideWhenRequestInvalidThenRefusedBeforeAnythingIsCreated() {
		AuthorizationCheck check = this.authorization.decide(
				ask(this.client.clientId(), REDIRECT, "plain", List.of(), Set.of(), null), RESOURCE, OWNER,
				consent(true, null, "codex", Map.of()));
		assertThat(check).isInstanceOf(AuthorizationCheck.Redirected.class);
		verify(this.agents, never()).create(any(), any(), any());
	}

	// ---- authorization-code grant

	@Test
	void exchangeCodeWhenValidThenAccessAndRefreshTokensAndClientMarkedUsed() {
		String code = approve();
		IssuedTokens tokens = exchange(code, REDIRECT, this.verifier);
		assertThat(tokens.refreshToken()).startsWith("agwr_");
		assertThat(tokens.expiresInSeconds()).isEqualTo(3_600);
		assertThat(tokens.scope()).isEqualTo("tasker");
		assertThat(this.clientStore.clients.get(this.client.clientId()).expiresAt()).isNull();
		ArgumentCaptor<Instant> expiry = ArgumentCaptor.forClass(Instant.class);
		verify(this.tokens).mintForOAuthClient(eq(this.agent), any(), eq(OWNER), expiry.capture());
		assertThat(expiry.getValue()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(lastEvent().action()).isEqualTo("oauth.token");
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
		assertThat(lastEvent().ownerUserId()).isEqualTo(OWNER);
		assertThat(lastEvent().tokenId()).isEqualTo(tokens.accessTokenId());
	}

	@Test
	void exchangeCodeWhenReplayedThenRefusedAndWhatItIssuedIsRevoked() {
		String code = approve();
		exchange(code, REDIRECT, this.verifier);
		assertRefused(() -> exchange(code, REDIRECT, this.verifier), "code_replayed");
		verify(this.tokenStore).revokeFamily(any(), eq("code_replayed"), eq(NOW));
		assertThat(this.refreshTokens.byHash.values())
			.allSatisfy((t) -> assertThat(t.status()).isEqualTo(RefreshToken.Status.REVOKED));
	}

	@Test
	void exchangeCodeWhenAnyCheckFailsThenInvalidGrantAndNothingIssued() {
		assertRefused(() -> exchange("agwc_garbage", REDIRECT, this.verifier), "unknown_code");
		assertRefused(() -> exchange(new TokenCodec(new SecureRandom(), "agwc_").generate(), REDIRECT, this.verifier),
				"unknown_code");
		assertRefused(() -> exchange(approve(), "http://127.0.0.1:9/other", this.verifier), "redirect_uri_mismatch");
		assertRefused(() -> exchange(approve(), REDIRECT, "other-" + "v".repeat(40)), "pkce_mismatch");
		String code = approve();
		assertRefused(() -> this.tokenEndpoint.exchangeCode(this.client.clientId(), false, code, REDIRECT,
				PkceProof.missing(), List.of(), RESOURCE), "pkce_verifier_missing");
		String malformed = approve();
		assertRefused(() -> this.tokenEndpoint.exchangeCode(this.client.clientId(), false, malformed, REDIRECT,
				new PkceProof(true, null), List.of(), RESOURCE), "pkce_mismatch");
		OAuthClient other = this.clients
			.register(new ClientMetadata(null, "Other", List.of(CALLBACK), "none", Set.of(), Set.of(), Set.of()));
		String stolen = approve();
		assertRefused(() -> this.tokenEndpoint.exchangeCode(other.clientId(), false, stolen, REDIRECT,
				new PkceProof(true, challenge(this.verifier)), List.of(), RESOURCE), "code_client_mismatch");
		String expired = approve();
		this.clock.advance(Duration.ofMinutes(2));
		assertRefused(() -> exchange(expired, REDIRECT, this.verifier), "code_expired");
		verify(this.tokens, never()).mintForOAuthClient(any(), any(), any(), any());
	}

	@Test
	void exchangeCodeWhenResourceOtherThanTheCodesThenInvalidTarget() {
		String code = approve();
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.tokenEndpoint.exchangeCode(this.client.clientId(), false, code, REDIRECT,
					new PkceProof(true, challenge(this.verifier)), List.of("https://elsewhere.example/mcp"), RESOURCE))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_TARGET));
	}

	@Test
	void exchangeCodeWhenClientAuthenticatesOrIsUnknownThenInvalidClient() {
		String code = approve();
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.tokenEndpoint.exchangeCode(this.client.clientId(), true, code, REDIRECT,
					new PkceProof(true, challenge(this.verifier)), List.of(), RESOURCE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("client_authentication_unsupported"));
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.tokenEndpoint.exchangeCode("nobody", false, code, REDIRECT,
					new PkceProof(true, challenge(this.verifier)), List.of(), RESOURCE))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_CLIENT));
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.tokenEndpoint.exchangeCode(null, false, code, REDIRECT,
					new PkceProof(true, challenge(this.verifier)), List.of(), RESOURCE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("client_id_missing"));
	}

	@Test
	void exchangeCodeWhenOwnerBlockedThenCascadeAppliedAndRefused() {
		String code = approve();
		when(this.owners.find(OWNER)).thenReturn(Optional.of(TestAgents.owner(OWNER, Owner.OwnerStatus.BLOCKED)));
		assertRefused(() -> exchange(code, REDIRECT, this.verifier), "owner_blocked");
		verify(this.lifecycle).apply(OWNER, Owner.OwnerStatus.BLOCKED, "request_time_check");
	}

	@Test
	void exchangeCodeWhenDirectoryCannotAnswerThenTemporarilyUnavailableAudited() {
		String code = approve();
		when(this.owners.find(OWNER)).thenThrow(new GatewayException(ErrorCode.SERVICE_UNAVAILABLE));
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> exchange(code, REDIRECT, this.verifier))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(GatewayException.class));
		assertThat(lastEvent().reason()).isEqualTo("cannot_decide");
	}

	// ---- refresh-token grant

	@Test
	void refreshWhenValidThenRotatedAndANewPairInTheSameFamily() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		this.clock.advance(Duration.ofMinutes(30));
		IssuedTokens second = refresh(first.refreshToken());
		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		assertThat(this.refreshTokens.byHash.values()).extracting(RefreshToken::status)
			.containsExactlyInAnyOrder(RefreshToken.Status.ROTATED, RefreshToken.Status.ACTIVE);
		// The refreshed token carries the consent unchanged: same family, scope,
		// resource.
		assertThat(this.refreshTokens.byHash.values()).extracting(RefreshToken::authorization)
			.hasSize(2)
			.containsOnly(this.refreshTokens.byHash.values().iterator().next().authorization());
	}

	@Test
	void refreshWhenRotatedTokenPresentedAgainThenWholeFamilyRevoked() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		refresh(first.refreshToken());
		assertRefused(() -> refresh(first.refreshToken()), "refresh_token_reuse");
		assertThat(this.refreshTokens.byHash.values())
			.allSatisfy((t) -> assertThat(t.status()).isEqualTo(RefreshToken.Status.REVOKED));
		verify(this.tokenStore).revokeFamily(any(), eq("refresh_token_reuse"), any());
	}

	@Test
	void refreshWhenConnectionEndedThenRefusedWithTheReason() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		AgentToken access = this.tokenStore.findById(first.accessTokenId()).orElseThrow();
		AgentToken suspended = new AgentToken(access.id(), access.agentId(), access.familyId(), access.hint(),
				TokenStatus.SUSPENDED, "owner_blocked", List.of(), access.createdBy(), access.createdAt(),
				access.expiresAt(), NOW, null, null, null);
		when(this.tokenStore.findById(first.accessTokenId())).thenReturn(Optional.of(suspended));
		assertRefused(() -> refresh(first.refreshToken()), "owner_blocked");

		IssuedTokens other = exchange(approve(), REDIRECT, this.verifier);
		when(this.tokenStore.findById(other.accessTokenId())).thenReturn(Optional.empty());
		assertRefused(() -> refresh(other.refreshToken()), "connection_revoked");
	}

	@Test
	void refreshWhenAgentDisabledSinceTheConsentThenRefusedAndFamilyRevoked() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		Agent reenabled = new Agent(this.agent.id(), OWNER, OWNER, "codex", null, AgentStatus.ENABLED,
				this.agent.createdAt(), NOW.plusSeconds(5), null, null);
		when(this.agentStore.findById(this.agent.id())).thenReturn(Optional.of(reenabled));
		this.clock.advance(Duration.ofSeconds(10));
		assertRefused(() -> refresh(first.refreshToken()), "agent_disabled");
		assertThat(this.refreshTokens.byHash.values())
			.allSatisfy((t) -> assertThat(t.status()).isEqualTo(RefreshToken.Status.REVOKED));
	}

	@Test
	void refreshWhenForeignRevokedExpiredOrUnknownThenInvalidGrant() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		OAuthClient other = this.clients
			.register(new ClientMetadata(null, "Other", List.of(CALLBACK), "none", Set.of(), Set.of(), Set.of()));
		assertRefused(() -> this.tokenEndpoint.refresh(other.clientId(), false, first.refreshToken(), Set.of(),
				List.of(), RESOURCE), "refresh_client_mismatch");
		assertRefused(() -> refresh(first.refreshToken()), "refresh_token_revoked");
		assertRefused(() -> refresh("agwr_nothing"), "unknown_refresh_token");
		assertRefused(() -> refresh(new TokenCodec(new SecureRandom(), "agwr_").generate()), "unknown_refresh_token");
		IssuedTokens later = exchange(approve(), REDIRECT, this.verifier);
		this.clock.advance(Duration.ofDays(91));
		assertRefused(() -> refresh(later.refreshToken()), "refresh_token_expired");
	}

	@Test
	void refreshWhenScopeUnknownThenInvalidScope() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.tokenEndpoint.refresh(this.client.clientId(), false, first.refreshToken(),
					Set.of("admin"), List.of(), RESOURCE))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_SCOPE));
	}

	@Test
	void refreshWhenFamilyNearItsEndThenAccessTokenEndsWithIt() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		this.clock.advance(Duration.ofDays(90).minusMinutes(10));
		IssuedTokens last = refresh(first.refreshToken());
		assertThat(last.expiresInSeconds()).isEqualTo(600);
	}

	// ---- revocation

	@Test
	void revokeWhenRefreshTokenOfTheClientThenFamilyRevokedAndForeignClientsRefused() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		OAuthClient other = this.clients
			.register(new ClientMetadata(null, "Other", List.of(CALLBACK), "none", Set.of(), Set.of(), Set.of()));
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> this.connections.revoke(other.clientId(), false, first.refreshToken()))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT));
		this.connections.revoke(this.client.clientId(), false, first.refreshToken());
		verify(this.tokenStore).revokeFamily(any(), eq("revoked_by_client"), any());
		this.connections.revoke(this.client.clientId(), false, "garbage");
		assertThat(lastEvent().action()).isEqualTo("oauth.revoke");
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
	}

	@Test
	void revokeWhenAccessTokenOfTheClientsFamilyThenThatTokenRevoked() {
		IssuedTokens first = exchange(approve(), REDIRECT, this.verifier);
		AgentToken access = this.tokenStore.findById(first.accessTokenId()).orElseThrow();
		String secret = TestAgentTokens.secret();
		byte[] hash = TestAgentTokens.hasher().hash(secret);
		when(this.tokenStore.findPresented(any(), any())).thenReturn(new TokenStore.Presented(
				Optional.of(new TokenStore.TokenLookup(access, hash, AgentStatus.ENABLED, "codex", OWNER, List.of())),
				Optional.empty()));
		this.connections.revoke(this.client.clientId(), false, secret);
		verify(this.tokenStore).transition(access.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "revoked_by_client",
				null, NOW);
	}

	// ---- the agent page

	@Test
	void connectionsWhenIssuedThenOnePerFamilyAndRevocableByTheOwner() {
		exchange(approve(), REDIRECT, this.verifier);
		IssuedTokens second = exchange(approve(), REDIRECT, this.verifier);
		refresh(second.refreshToken());
		Actor owner = new Actor(OWNER, false);
		List<Connection> connections = this.connections.connections(owner, this.agent.id());
		assertThat(connections).hasSize(2).allSatisfy((c) -> {
			assertThat(c.active()).isTrue();
			assertThat(c.clientName()).isEqualTo("Codex");
		});
		this.connections.revokeConnection(owner, this.agent.id(), connections.get(0).familyId());
		assertThat(this.connections.connections(owner, this.agent.id())).filteredOn(Connection::active).hasSize(1);
		AuditEvent revoked = lastEvent();
		assertThat(revoked.action()).isEqualTo("oauth.connection_revoke");
		assertThat(revoked.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
		assertThat(revoked.actorType()).isEqualTo(AuditEvent.ActorType.USER);
		assertThat(revoked.actorId()).isEqualTo(OWNER.toString());
		assertThat(revoked.agentId()).isEqualTo(this.agent.id());
		assertThat(revoked.ownerUserId()).isEqualTo(OWNER);
		assertThat(revoked.targetType()).isEqualTo("oauth_connection");
		assertThat(revoked.targetId()).isEqualTo(connections.get(0).familyId().toString());
		assertThat(revoked.occurredAt()).isEqualTo(this.clock.instant());
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.connections.revokeConnection(owner, this.agent.id(), UUID.randomUUID()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void refusedAtEdgeWhenCalledThenOneDeniedEvent() {
		OAuthException error = new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type_unsupported",
				"Unsupported.");
		assertThat(this.tokenEndpoint.refusedAtEdge(false, error)).isSameAs(error);
		assertThat(lastEvent().action()).isEqualTo("oauth.token");
		assertThat(lastEvent().reason()).isEqualTo("grant_type_unsupported");
		this.authorization.refusedAtEdge(ask(), OWNER, error);
		assertThat(lastEvent().action()).isEqualTo("oauth.authorize");
	}

	// ---- helpers

	private String approve() {
		AuthorizationCheck check = this.authorization.decide(ask(), RESOURCE, OWNER,
				consent(true, null, "codex", Map.of()));
		return ((AuthorizationCheck.Approved) check).code();
	}

	private IssuedTokens exchange(String code, String redirectUri, String verifier) {
		return this.tokenEndpoint.exchangeCode(this.client.clientId(), false, code, redirectUri,
				new PkceProof(true, challenge(verifier)), List.of(RESOURCE), RESOURCE);
	}

	private IssuedTokens refresh(String refreshToken) {
		return this.tokenEndpoint.refresh(this.client.clientId(), false, refreshToken, null, List.of(RESOURCE),
				RESOURCE);
	}

	private AuthorizationAsk ask() {
		return ask(this.client.clientId(), REDIRECT, "S256", List.of(RESOURCE), Set.of("tasker"), null);
	}

	private AuthorizationAsk ask(String clientId, String redirectUri, String method, List<String> resources,
			Set<String> scope, OAuthException problem) {
		return new AuthorizationAsk(clientId, redirectUri, "code", "st", challenge(this.verifier), method, resources,
				scope, problem);
	}

	private static Consent consent(boolean approved, UUID agentId, String name, Map<UUID, Access> projects) {
		return new Consent(approved, agentId, name, "demo", projects);
	}

	private Grant grant(UUID project, Access access) {
		return new Grant(UUID.randomUUID(), this.agent.id(), "demo", project, "WEB", "Website", access, OWNER, NOW);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertShown(AuthorizationAsk ask, String reason) {
		assertThat(this.authorization.authorize(ask, RESOURCE, OWNER)).isInstanceOfSatisfying(
				AuthorizationCheck.Shown.class, (shown) -> assertThat(shown.error().reason()).isEqualTo(reason));
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(lastEvent().reason()).isEqualTo(reason);
	}

	private void assertRedirected(AuthorizationAsk ask, String reason, OAuthError error) {
		assertThat(this.authorization.authorize(ask, RESOURCE, OWNER))
			.isInstanceOfSatisfying(AuthorizationCheck.Redirected.class, (redirected) -> {
				assertThat(redirected.error().reason()).isEqualTo(reason);
				assertThat(redirected.error().error()).isEqualTo(error);
				assertThat(redirected.redirectUri()).isEqualTo(ask.redirectUri());
			});
		assertThat(lastEvent().reason()).isEqualTo(reason);
	}

	private void assertRefused(Runnable call, String reason) {
		assertThatExceptionOfType(OAuthException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(lastEvent().reason()).isEqualTo(reason);
	}

	private AuditEvent lastEvent() {
		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, atLeastOnce()).append(events.capture());
		return events.getValue();
	}

}
