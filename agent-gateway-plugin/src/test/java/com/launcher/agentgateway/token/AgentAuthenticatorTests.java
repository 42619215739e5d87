package com.launcher.agentgateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.token.AuthenticationOutcome.Authenticated;
import com.launcher.agentgateway.token.AuthenticationOutcome.Refused;
import com.launcher.agentgateway.token.TokenStore.TokenLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/**
 * The order of {@link AgentAuthenticator} (DESIGN §5): format, source throttle, keyed
 * hash lookup, status, expiry, agent, CIDR, owner; every refusal audited once.
 */
class AgentAuthenticatorTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String ADDRESS = "10.1.2.3";

	private final TokenStore tokens = mock(TokenStore.class);

	private final TokenHasher hasher = spy(new SpyableHasher());

	private final SourceThrottle throttle = mock(SourceThrottle.class);

	private final OwnerDirectory owners = mock(OwnerDirectory.class);

	private final OwnerLifecycleService lifecycle = mock(OwnerLifecycleService.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final AgentAuthenticator authenticator = new AgentAuthenticator(this.tokens, this.hasher, this.throttle,
			this.owners, this.lifecycle, this.audit, Clock.fixed(NOW, ZoneOffset.UTC),
			new BlockedSourceSampler(Duration.ofMinutes(1)));

	private final Agent agent = TestAgents.agent();

	private final String secret = TestAgentTokens.secret();

	private final List<Grant> grants = List.of(TestGrants.write(this.agent.id(), "WEB"));

	@BeforeEach
	void noThrottle() {
		when(this.tokens.findPresented(any(), anyString()))
			.thenReturn(new TokenStore.Presented(Optional.empty(), Optional.empty()));
		when(this.throttle.recordFailure(anyString())).thenReturn(new SourceThrottle.Failure(false, null));
		when(this.owners.find(this.agent.ownerUserId()))
			.thenReturn(Optional.of(TestAgents.activeOwner(this.agent.ownerUserId())));
	}

	@Test
	void authenticateWhenMalformedThenRefusedWithoutHashingOrLookup() {
		String mistyped = this.secret.substring(0, 10) + flip(this.secret.charAt(10)) + this.secret.substring(11);

		AuthenticationOutcome outcome = this.authenticator.authenticate(mistyped, ADDRESS, "r1");

		assertThat(outcome).isEqualTo(new Refused("malformed_token", null));
		verifyNoInteractions(this.tokens, this.hasher, this.owners, this.lifecycle);
		verify(this.throttle).recordFailure(ADDRESS);
		assertThat(onlyAuditEvent().reason()).isEqualTo("malformed_token");
	}

	@Test
	void authenticateWhenGarbageThenNeverReachesTheStore() {
		for (String garbage : new String[] { null, "", "Bearer", "agw_", "agw_" + "x".repeat(38), this.secret + "0" }) {
			assertThat(this.authenticator.authenticate(garbage, ADDRESS, "r1")).isInstanceOfSatisfying(Refused.class,
					(r) -> assertThat(r.reason()).isEqualTo("malformed_token"));
		}
		verifyNoInteractions(this.tokens, this.hasher);
		verify(this.audit, times(6)).append(any());
	}

	@Test
	void authenticateWhenSourceThrottledThenRefusedWhateverTheTokenIs() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		byte[] hash = this.hasher.hash(this.secret);
		when(this.tokens.findPresented(any(), eq(ADDRESS)))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, hash.clone(), AgentStatus.ENABLED,
					this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.of(Duration.ofMinutes(42))));

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isEqualTo(new Refused("source_throttled", Duration.ofMinutes(42)));
		verifyNoInteractions(this.owners, this.lifecycle);
		verify(this.tokens, never()).touch(any(), any(), any());
		// Refusing a throttled source is not a new failure: the block must not extend
		// itself.
		verify(this.throttle, never()).recordFailure(anyString());
		// A1: the token was recognised, so its refusal names the agent and owner.
		AuditEvent event = onlyAuditEvent();
		assertThat(event.reason()).isEqualTo("source_throttled");
		assertThat(event.agentId()).isEqualTo(this.agent.id());
		assertThat(event.ownerUserId()).isEqualTo(this.agent.ownerUserId());
		assertThat(event.tokenId()).isEqualTo(token.id());
	}

	@Test
	void authenticateWhenBlockedSourceSendsGarbageOrUnknownTokensThenOneSummarisingEventAndNoCounting() {
		// The throttle's statement finds the block and counts nothing.
		when(this.throttle.recordFailure(ADDRESS)).thenReturn(new SourceThrottle.Failure(true, Duration.ofMinutes(42)));
		when(this.tokens.findPresented(any(), eq(ADDRESS)))
			.thenReturn(new TokenStore.Presented(Optional.empty(), Optional.of(Duration.ofMinutes(42))));

		for (int i = 0; i < 500; i++) {
			String presented = (i % 2 == 0) ? "garbage-" + i : TestAgentTokens.secret();
			assertThat(this.authenticator.authenticate(presented, ADDRESS, "r" + i))
				.isEqualTo(new Refused("source_throttled", Duration.ofMinutes(42)));
		}

		// Issue 12, point 2: a blocked source's flood costs no counting and one event
		// per minute, not one per request. Unknown tokens learn the block with their
		// look-up and never reach the throttle.
		verify(this.throttle, times(250)).recordFailure(ADDRESS);
		AuditEvent event = onlyAuditEvent();
		assertThat(event.reason()).isEqualTo("source_throttled");
		assertThat(event.agentId()).isNull();
		assertThat(event.requestId()).isEqualTo("r0");
	}

	@Test
	void authenticateWhenMalformedFromAFreeSourceThenCountedByOneCallThatAlsoChecksTheBlock() {
		this.authenticator.authenticate("garbage", ADDRESS, "r1");

		verify(this.throttle).recordFailure(ADDRESS);
		verifyNoMoreInteractions(this.throttle);
		assertThat(onlyAuditEvent().reason()).isEqualTo("malformed_token");
	}

	@Test
	void authenticateWhenTheSourceWasBlockedSinceItsTokenWasLookedUpThenRefusedAsBlockedWithTheAgentNamed() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.REVOKED);
		byte[] hash = this.hasher.hash(this.secret);
		when(this.tokens.findPresented(any(), eq(ADDRESS)))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, hash.clone(), AgentStatus.ENABLED,
					this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.empty()));
		when(this.throttle.recordFailure(ADDRESS)).thenReturn(new SourceThrottle.Failure(true, Duration.ofMinutes(9)));

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isEqualTo(new Refused("source_throttled", Duration.ofMinutes(9)));
		AuditEvent event = onlyAuditEvent();
		assertThat(event.reason()).isEqualTo("source_throttled");
		assertThat(event.agentId()).isEqualTo(this.agent.id());
	}

	@Test
	void authenticateWhenIpv6ThenFailuresCountAgainstItsSlash64() {
		this.authenticator.authenticate("garbage", "2001:db8:1:2:aaaa::1", "r1");
		this.authenticator.authenticate(this.secret, "2001:db8:1:2:bbbb::2", "r2");

		verify(this.throttle, times(2)).recordFailure("2001:db8:1:2:0:0:0:0/64");
		verify(this.tokens).findPresented(any(), eq("2001:db8:1:2:0:0:0:0/64"));
	}

	@Test
	void authenticateWhenUnknownTokenThenRefusedAndCountedAgainstTheSource() {
		when(this.throttle.recordFailure(ADDRESS)).thenReturn(new SourceThrottle.Failure(false, Duration.ofHours(1)));

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isEqualTo(new Refused("unknown_token", Duration.ofHours(1)));
		InOrder order = inOrder(this.throttle, this.hasher, this.tokens);
		order.verify(this.hasher).hash(this.secret);
		order.verify(this.tokens).findPresented(any(), eq(ADDRESS));
		order.verify(this.throttle).recordFailure(ADDRESS);
		AuditEvent event = onlyAuditEvent();
		assertThat(event.reason()).isEqualTo("unknown_token");
		assertThat(event.agentId()).isNull();
	}

	@Test
	void authenticateWhenStoredHashDiffersThenRefusedAsUnknown() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findPresented(any(), anyString()))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, new byte[32], AgentStatus.ENABLED,
					this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.empty()));

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isInstanceOfSatisfying(Refused.class,
				(r) -> assertThat(r.reason()).isEqualTo("unknown_token"));
		verify(this.tokens, never()).touch(any(), any(), any());
	}

	@Test
	void authenticateWhenRotatedTokenPresentedThenWholeFamilyRevoked() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.ROTATED);
		found(token, AgentStatus.ENABLED);

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isInstanceOfSatisfying(Refused.class,
				(r) -> assertThat(r.reason()).isEqualTo("rotated_token_reuse"));
		verify(this.tokens).revokeFamily(token.familyId(), "rotated_token_reuse", NOW);
		assertRefusalAudited(token, "rotated_token_reuse");
	}

	@Test
	void authenticateWhenRotatedTokenPresentedThenEachRevokedTokenAuditedAsCascade() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.ROTATED);
		found(token, AgentStatus.ENABLED);
		AgentToken successor = TestAgentTokens.active(this.agent.id());
		when(this.tokens.revokeFamily(token.familyId(), "rotated_token_reuse", NOW))
			.thenReturn(List.of(TestAgentTokens.withStatus(token, TokenStatus.REVOKED),
					TestAgentTokens.withStatus(successor, TokenStatus.REVOKED)));

		this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(3)).append(events.capture());
		assertThat(events.getAllValues()).filteredOn((e) -> e.action().equals("token.family_revoke"))
			.extracting(AuditEvent::tokenId)
			.containsExactlyInAnyOrder(token.id(), successor.id());
		assertThat(events.getAllValues()).filteredOn((e) -> e.action().equals("token.use"))
			.singleElement()
			.satisfies((e) -> assertThat(e.reason()).isEqualTo("rotated_token_reuse"));
	}

	@Test
	void authenticateWhenSuspendedThenRefusedAndAuditedOnce() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.SUSPENDED);
		found(token, AgentStatus.ENABLED);

		assertRefused("token_suspended");
		assertRefusalAudited(token, "token_suspended");
		verify(this.tokens, never()).revokeFamily(any(), any(), any());
	}

	@Test
	void authenticateWhenRevokedThenRefusedAndAuditedOnce() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.REVOKED);
		found(token, AgentStatus.ENABLED);

		assertRefused("token_revoked");
		assertRefusalAudited(token, "token_revoked");
	}

	@Test
	void authenticateWhenExpiredAtThisVeryInstantThenRefusedAndAuditedOnce() {
		AgentToken token = TestAgentTokens.expiringAt(TestAgentTokens.active(this.agent.id()), NOW);
		found(token, AgentStatus.ENABLED);

		assertRefused("token_expired");
		assertRefusalAudited(token, "token_expired");
	}

	@Test
	void authenticateWhenAgentDisabledThenRefusedWithoutCountingAgainstTheSource() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		found(token, AgentStatus.DISABLED);

		assertRefused("agent_disabled");
		assertRefusalAudited(token, "agent_disabled");
		verify(this.throttle, never()).recordFailure(anyString());
	}

	@Test
	void authenticateWhenAddressOutsideAllowedCidrsThenRefusedAndAuditedOnce() {
		AgentToken token = TestAgentTokens.withCidrs(TestAgentTokens.active(this.agent.id()),
				List.of("192.168.0.0/16"));
		found(token, AgentStatus.ENABLED);

		assertRefused("source_not_allowed");
		assertRefusalAudited(token, "source_not_allowed");
		verifyNoInteractions(this.owners);
	}

	@Test
	void authenticateWhenOwnerBlockedThenRefusedAtOnceAndTheCascadeHandedOffTheRequestThread() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		found(token, AgentStatus.ENABLED);
		when(this.owners.find(this.agent.ownerUserId()))
			.thenReturn(Optional.of(TestAgents.owner(this.agent.ownerUserId(), Owner.OwnerStatus.BLOCKED)));

		assertRefused("owner_blocked");
		assertRefusalAudited(token, "owner_blocked");
		verify(this.lifecycle).applyLater(this.agent.ownerUserId(), Owner.OwnerStatus.BLOCKED, "request_time_check");
		verify(this.tokens, never()).touch(any(), any(), any());
	}

	@Test
	void authenticateWhenOwnerUnknownToTheDirectoryThenRefused() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		found(token, AgentStatus.ENABLED);
		when(this.owners.find(this.agent.ownerUserId())).thenReturn(Optional.empty());

		assertRefused("owner_unknown");
		assertRefusalAudited(token, "owner_unknown");
		verify(this.lifecycle).applyLater(this.agent.ownerUserId(), Owner.OwnerStatus.UNKNOWN, "request_time_check");
	}

	@Test
	void authenticateWhenDirectoryUnavailableThenFailsClosed() {
		found(TestAgentTokens.active(this.agent.id()), AgentStatus.ENABLED);
		when(this.owners.find(this.agent.ownerUserId())).thenThrow(new GatewayException(ErrorCode.SERVICE_UNAVAILABLE));

		UndecidedAuthenticationException undecided = catchThrowableOfType(UndecidedAuthenticationException.class,
				() -> this.authenticator.authenticate(this.secret, ADDRESS, "r1"));
		assertThat(undecided.getCause()).isInstanceOfSatisfying(GatewayException.class,
				(ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
		verify(this.tokens, never()).touch(any(), any(), any());
		// The event waits for the caller, who appends it once the log answers again.
		verifyNoInteractions(this.audit);
		// A1 (issue 12, point 11): the token was found, so the refusal names its agent.
		AuditEvent event = undecided.event();
		assertThat(event.reason()).isEqualTo("cannot_decide");
		assertThat(event.agentId()).isEqualTo(this.agent.id());
		assertThat(event.ownerUserId()).isEqualTo(this.agent.ownerUserId());
	}

	@Test
	void authenticateWhenTokenLookupFailsThenUndecidedWithOneEventWithoutAgent() {
		when(this.tokens.findPresented(any(), anyString())).thenThrow(new IllegalStateException("database down"));

		UndecidedAuthenticationException undecided = catchThrowableOfType(UndecidedAuthenticationException.class,
				() -> this.authenticator.authenticate(this.secret, ADDRESS, "r1"));
		assertThat(undecided.getCause()).isInstanceOf(IllegalStateException.class);
		verifyNoInteractions(this.audit);
		AuditEvent event = undecided.event();
		assertThat(event.reason()).isEqualTo("cannot_decide");
		assertThat(event.agentId()).isNull();
	}

	@Test
	void authenticateWhenValidThenPrincipalWithGrantsAndNoAuditHere() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		found(token, AgentStatus.ENABLED);

		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isInstanceOfSatisfying(Authenticated.class, (a) -> {
			AgentPrincipal principal = a.principal();
			assertThat(principal.agentId()).isEqualTo(this.agent.id());
			assertThat(principal.ownerUserId()).isEqualTo(this.agent.ownerUserId());
			assertThat(principal.tokenId()).isEqualTo(token.id());
			assertThat(principal.grants()).isEqualTo(this.grants);
			assertThat(principal.clientAddress()).isEqualTo(ADDRESS);
			assertThat(principal.toString()).doesNotContain(this.secret);
		});
		InOrder order = inOrder(this.throttle, this.hasher, this.tokens, this.owners);
		order.verify(this.hasher).hash(this.secret);
		order.verify(this.tokens).findPresented(any(), eq(ADDRESS));
		order.verify(this.owners).find(this.agent.ownerUserId());
		order.verify(this.throttle).reset(ADDRESS);
		order.verify(this.tokens).touch(token.id(), NOW, ADDRESS);
		// The one event of an allowed request is the edge's; here only refusals are
		// audited.
		verifyNoInteractions(this.audit);
		verify(this.throttle, never()).recordFailure(anyString());
	}

	@Test
	void authenticateWhenUsedWithinTheLastMinuteFromTheSameAddressThenNoTouch() {
		found(TestAgentTokens.lastUsed(TestAgentTokens.active(this.agent.id()), NOW.minusSeconds(59), ADDRESS),
				AgentStatus.ENABLED);

		assertThat(this.authenticator.authenticate(this.secret, ADDRESS, "r1")).isInstanceOf(Authenticated.class);

		verify(this.tokens, never()).touch(any(), any(), any());
	}

	@Test
	void authenticateWhenUsedOverAMinuteAgoThenTouchedOnce() {
		AgentToken token = TestAgentTokens.lastUsed(TestAgentTokens.active(this.agent.id()), NOW.minusSeconds(61),
				ADDRESS);
		found(token, AgentStatus.ENABLED);

		assertThat(this.authenticator.authenticate(this.secret, ADDRESS, "r1")).isInstanceOf(Authenticated.class);

		verify(this.tokens, times(1)).touch(token.id(), NOW, ADDRESS);
	}

	@Test
	void authenticateWhenUsedRecentlyFromAnotherAddressThenTouchedOnce() {
		AgentToken token = TestAgentTokens.lastUsed(TestAgentTokens.active(this.agent.id()), NOW.minusSeconds(5),
				"10.9.9.9");
		found(token, AgentStatus.ENABLED);

		assertThat(this.authenticator.authenticate(this.secret, ADDRESS, "r1")).isInstanceOf(Authenticated.class);

		verify(this.tokens, times(1)).touch(token.id(), NOW, ADDRESS);
	}

	@Test
	void authenticateWhenRefusedThenAuditEventNeverHoldsTheToken() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.REVOKED);
		found(token, AgentStatus.ENABLED);

		this.authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(onlyAuditEvent().toString()).doesNotContain(this.secret)
			.doesNotContain(this.secret.substring(4, 36));
	}

	@Test
	void undecidedWhenCalledThenADeniedEventWithoutAgentAndNoLookupOrThrottleCount() {
		AuditEvent event = this.authenticator.undecided(ADDRESS, "r9");

		assertThat(event.action()).isEqualTo("token.use");
		assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(event.reason()).isEqualTo("cannot_decide");
		assertThat(event.requestId()).isEqualTo("r9");
		assertThat(event.agentId()).isNull();
		verifyNoInteractions(this.throttle, this.tokens, this.audit);
	}

	private void found(AgentToken token, AgentStatus agentStatus) {
		byte[] hash = this.hasher.hash(this.secret);
		when(this.tokens.findPresented(eq(hash), anyString()))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, hash.clone(), agentStatus,
					this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.empty()));
		clearInvocations(this.hasher);
	}

	private void assertRefused(String reason) {
		AuthenticationOutcome outcome = this.authenticator.authenticate(this.secret, ADDRESS, "r1");
		assertThat(outcome).isInstanceOfSatisfying(Refused.class, (r) -> assertThat(r.reason()).isEqualTo(reason));
		verify(this.tokens, never()).touch(any(), any(), any());
		verify(this.throttle, never()).reset(anyString());
	}

	private void assertRefusalAudited(AgentToken token, String reason) {
		AuditEvent event = onlyAuditEvent();
		assertThat(event.action()).isEqualTo("token.use");
		assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(event.reason()).isEqualTo(reason);
		assertThat(event.agentId()).isEqualTo(this.agent.id());
		assertThat(event.ownerUserId()).isEqualTo(this.agent.ownerUserId());
		assertThat(event.tokenId()).isEqualTo(token.id());
		assertThat(event.tokenHint()).isEqualTo(token.hint());
		assertThat(event.sourceAddress()).isEqualTo(ADDRESS);
		assertThat(event.requestId()).isEqualTo("r1");
	}

	@Test
	void authenticateWhenTokenHashedUnderThePreviousPepperThenFoundByASecondLookupAndMovedOnce() {
		TokenHasher rotating = new RotatingHasher();
		AgentAuthenticator authenticator = new AgentAuthenticator(this.tokens, rotating, this.throttle, this.owners,
				this.lifecycle, this.audit, Clock.fixed(NOW, ZoneOffset.UTC),
				new BlockedSourceSampler(Duration.ofMinutes(1)));
		AgentToken token = TestAgentTokens.active(this.agent.id());
		byte[] previous = rotating.previous(this.secret).orElseThrow().hash();
		when(this.tokens.findPresented(eq(previous), anyString()))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, previous.clone(),
					AgentStatus.ENABLED, this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.empty()));

		AuthenticationOutcome outcome = authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isInstanceOf(AuthenticationOutcome.Authenticated.class);
		verify(this.tokens).findPresented(rotating.hash(this.secret), ADDRESS);
		verify(this.tokens).findPresented(previous, ADDRESS);
		verify(this.tokens).rehash(token.id(), previous, rotating.hash(this.secret));
	}

	@Test
	void authenticateWhenUnknownUnderBothPeppersThenRefusedAndCountedOnce() {
		AgentAuthenticator authenticator = new AgentAuthenticator(this.tokens, new RotatingHasher(), this.throttle,
				this.owners, this.lifecycle, this.audit, Clock.fixed(NOW, ZoneOffset.UTC),
				new BlockedSourceSampler(Duration.ofMinutes(1)));

		AuthenticationOutcome outcome = authenticator.authenticate(this.secret, ADDRESS, "r1");

		assertThat(outcome).isEqualTo(new Refused("unknown_token", null));
		verify(this.tokens, times(2)).findPresented(any(), eq(ADDRESS));
		verify(this.tokens, never()).rehash(any(), any(), any());
		verify(this.throttle, times(1)).recordFailure(ADDRESS);
		assertThat(onlyAuditEvent().reason()).isEqualTo("unknown_token");
	}

	@Test
	void authenticateWhenFoundUnderTheCurrentPepperThenOneLookupAndNoMove() {
		AgentAuthenticator authenticator = new AgentAuthenticator(this.tokens, new RotatingHasher(), this.throttle,
				this.owners, this.lifecycle, this.audit, Clock.fixed(NOW, ZoneOffset.UTC),
				new BlockedSourceSampler(Duration.ofMinutes(1)));
		AgentToken token = TestAgentTokens.active(this.agent.id());
		byte[] current = new RotatingHasher().hash(this.secret);
		when(this.tokens.findPresented(eq(current), anyString()))
			.thenReturn(new TokenStore.Presented(Optional.of(new TokenLookup(token, current.clone(),
					AgentStatus.ENABLED, this.agent.name(), this.agent.ownerUserId(), this.grants)), Optional.empty()));

		assertThat(authenticator.authenticate(this.secret, ADDRESS, "r1"))
			.isInstanceOf(AuthenticationOutcome.Authenticated.class);
		verify(this.tokens, times(1)).findPresented(any(), any());
		verify(this.tokens, never()).rehash(any(), any(), any());
	}

	private AuditEvent onlyAuditEvent() {
		ArgumentCaptor<AuditEvent> captor = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(1)).append(captor.capture());
		return captor.getValue();
	}

	private static char flip(char c) {
		return (c == 'a') ? 'b' : 'a';
	}

	/** The test hasher as the current pepper "v2", and a salted variant as "default". */
	static class RotatingHasher implements TokenHasher {

		private final TokenHasher delegate = TestAgentTokens.hasher();

		@Override
		public byte[] hash(String token) {
			return this.delegate.hash(token);
		}

		@Override
		public String keyId() {
			return "v2";
		}

		@Override
		public Optional<KeyedHash> previous(String token) {
			return Optional.of(new KeyedHash(DEFAULT_KEY_ID, this.delegate.hash("previous:" + token)));
		}

	}

	/** A real keyed hash behind a spy, so that calls to it can be counted. */
	static class SpyableHasher implements TokenHasher {

		private final TokenHasher delegate = TestAgentTokens.hasher();

		@Override
		public byte[] hash(String token) {
			return this.delegate.hash(token);
		}

	}

}
