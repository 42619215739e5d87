package com.launcher.agentgateway.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.policy.PolicyStore;
import com.launcher.agentgateway.policy.TestPolicies;
import com.launcher.agentgateway.token.TokenService.MintedToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class TokenServiceTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final AgentStore agents = mock(AgentStore.class);

	private final TokenStore tokens = mock(TokenStore.class);

	private final PolicyStore policies = mock(PolicyStore.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final TokenHasher hasher = TestAgentTokens.hasher();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final TokenService service = new TokenService(
			new AgentService(this.agents, new UserActions(mock(AuditLog.class), RequestContext.NONE, this.clock),
					this.clock),
			this.tokens, new TokenCodec(new SecureRandom()), this.hasher, new PolicyService(this.policies,
					new UserActions(mock(AuditLog.class), RequestContext.NONE, this.clock), this.clock),
			new UserActions(this.audit, RequestContext.NONE, this.clock), this.clock);

	private final Actor owner = new Actor(UUID.randomUUID(), false);

	private final Agent agent = TestAgents.ownedBy(this.owner.userId());

	@BeforeEach
	void setUp() {
		when(this.agents.findById(this.agent.id())).thenReturn(Optional.of(this.agent));
		when(this.policies.load()).thenReturn(TestPolicies.maxTokenDays(60, 30));
	}

	@Test
	void mintWhenExpiryBeyondPolicyThenTokenExpiryTooLongNamingTheField() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(this.owner, this.agent.id(), 61, List.of()))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.TOKEN_EXPIRY_TOO_LONG);
				assertThat(ex.field()).isEqualTo("expiresInDays");
				assertThat(ex.details()).containsEntry("maxTokenDays", 60);
			});
		verify(this.tokens, never()).insert(any(), any());
		verifyNoInteractions(this.audit);
	}

	@Test
	void mintWhenExpiryLessThanOneDayThenValidationNamingTheField() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(this.owner, this.agent.id(), 0, List.of()))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.field()).isEqualTo("expiresInDays");
			});
	}

	@Test
	void mintWhenExpiryAtTheCapThenAccepted() {
		MintedToken minted = this.service.mint(this.owner, this.agent.id(), 60, List.of());

		assertThat(minted.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
	}

	@Test
	void mintWhenNoExpiryGivenThenPolicyDefault() {
		MintedToken minted = this.service.mint(this.owner, this.agent.id(), null, null);

		assertThat(minted.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(minted.token().allowedCidrs()).isEmpty();
	}

	@Test
	void mintWhenValidThenOnlyTheKeyedHashIsStoredAndTheSecretIsShownOnce() {
		MintedToken minted = this.service.mint(this.owner, this.agent.id(), 7, List.of("10.0.0.0/8"));

		String secret = minted.secret();
		assertThat(TokenCodec.isWellFormed(secret)).isTrue();
		ArgumentCaptor<AgentToken> stored = ArgumentCaptor.forClass(AgentToken.class);
		ArgumentCaptor<byte[]> hash = ArgumentCaptor.forClass(byte[].class);
		verify(this.tokens).insert(stored.capture(), hash.capture());
		assertThat(hash.getValue()).isEqualTo(this.hasher.hash(secret));
		assertThat(stored.getValue().id()).isEqualTo(stored.getValue().familyId());
		assertThat(stored.getValue().hint()).isEqualTo(TokenCodec.hint(secret));
		assertThat(stored.getValue().allowedCidrs()).containsExactly("10.0.0.0/8");
		assertThat(stored.getValue().createdBy()).isEqualTo(this.owner.userId());
		assertThat(stored.getValue().toString()).doesNotContain(secret);
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit).append(event.capture());
		assertThat(event.getValue().action()).isEqualTo("token.mint");
		assertThat(event.getValue().toString()).doesNotContain(secret).doesNotContain(secret.substring(4, 36));
	}

	@Test
	void toStringWhenMintedThenSecretNeverShown() {
		MintedToken minted = this.service.mint(this.owner, this.agent.id(), 7, List.of());

		assertThat(minted.toString()).doesNotContain(minted.secret())
			.doesNotContain(minted.secret().substring(4, 36))
			.contains("<hidden>");
	}

	@Test
	void mintWhenCidrInvalidThenNamesTheField() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(this.owner, this.agent.id(), 7, List.of("10.0.0.0/40")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("allowedCidrs"));
		verify(this.tokens, never()).insert(any(), any());
	}

	@Test
	void mintWhenAgentDisabledThenRefused() {
		when(this.agents.findById(this.agent.id()))
			.thenReturn(Optional.of(TestAgents.withStatus(this.agent, AgentStatus.DISABLED)));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(this.owner, this.agent.id(), 7, List.of()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.AGENT_DISABLED));
		verify(this.tokens, never()).insert(any(), any());
	}

	@Test
	void mintWhenAnotherOwnersAgentThenNotFound() {
		Actor stranger = new Actor(UUID.randomUUID(), false);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(stranger, this.agent.id(), 7, List.of()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tokens, never()).insert(any(), any());
	}

	@Test
	void mintAndRotateWhenAdminOnAnotherOwnersAgentThenOwnerOnlyAndNothingIssued() {
		Actor admin = new Actor(UUID.randomUUID(), true);
		AgentToken token = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findById(token.id())).thenReturn(Optional.of(token));

		// Issue 12, point 6: a token an admin minted would act in Tasker as the owner.
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.mint(admin, this.agent.id(), 7, List.of()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.OWNER_ONLY));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.rotate(admin, this.agent.id(), token.id(), 7))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.OWNER_ONLY));
		verify(this.tokens, never()).insert(any(), any());
		verify(this.tokens, never()).transition(any(), any(), any(), any(), any(), any());
	}

	@Test
	void revokeWhenAdminOnAnotherOwnersAgentThenRevoked() {
		Actor admin = new Actor(UUID.randomUUID(), true);
		AgentToken token = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findById(token.id())).thenReturn(Optional.of(token));

		this.service.revoke(admin, this.agent.id(), token.id());

		verify(this.tokens).transition(token.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "revoked_by_user", null,
				NOW);
	}

	@Test
	void revokeWhenActiveThenRevokedAndAudited() {
		AgentToken token = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findById(token.id())).thenReturn(Optional.of(token));

		this.service.revoke(this.owner, this.agent.id(), token.id());

		verify(this.tokens).transition(token.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "revoked_by_user", null,
				NOW);
		verify(this.audit).append(any());
	}

	@Test
	void revokeWhenAlreadyRevokedThenNothingChanges() {
		AgentToken token = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.REVOKED);
		when(this.tokens.findById(token.id())).thenReturn(Optional.of(token));

		this.service.revoke(this.owner, this.agent.id(), token.id());

		verify(this.tokens, never()).transition(any(), any(), any(), any(), any(), any());
		verifyNoInteractions(this.audit);
	}

	@Test
	void revokeWhenTokenOfAnotherAgentThenNotFound() {
		AgentToken foreign = TestAgentTokens.active(UUID.randomUUID());
		when(this.tokens.findById(foreign.id())).thenReturn(Optional.of(foreign));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.revoke(this.owner, this.agent.id(), foreign.id()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tokens, never()).transition(any(), any(), any(), any(), any(), any());
	}

	@Test
	void revokeAllWhenActiveSuspendedAndEndedTokensThenOnlyLiveOnesRevokedEachAudited() {
		AgentToken active = TestAgentTokens.active(this.agent.id());
		AgentToken suspended = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()),
				TokenStatus.SUSPENDED);
		AgentToken rotated = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.ROTATED);
		when(this.tokens.findByAgent(this.agent.id())).thenReturn(List.of(active, suspended, rotated));
		when(this.tokens.transition(any(), any(), eq(TokenStatus.REVOKED), any(), any(), any())).thenReturn(true);

		int revoked = this.service.revokeAll(new Actor(UUID.randomUUID(), true), this.agent.id());

		assertThat(revoked).isEqualTo(2);
		verify(this.tokens).transition(active.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "revoked_by_user", null,
				NOW);
		verify(this.tokens).transition(suspended.id(), TokenStatus.SUSPENDED, TokenStatus.REVOKED, "revoked_by_user",
				null, NOW);
		verify(this.tokens, never()).transition(eq(rotated.id()), any(), any(), any(), any(), any());
		verify(this.audit, times(2)).append(any());
	}

	@Test
	void revokeAllWhenAnotherOwnersAgentThenNotFoundAndNothingRevoked() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.revokeAll(new Actor(UUID.randomUUID(), false), this.agent.id()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tokens, never()).transition(any(), any(), any(), any(), any(), any());
	}

	@Test
	void rotateWhenActiveThenSuccessorInTheSameFamilyAndOldRotated() {
		AgentToken old = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findById(old.id())).thenReturn(Optional.of(old));
		when(this.tokens.transition(eq(old.id()), eq(TokenStatus.ACTIVE), eq(TokenStatus.ROTATED), any(), any(), any()))
			.thenReturn(true);

		MintedToken successor = this.service.rotate(this.owner, this.agent.id(), old.id(), null);

		assertThat(successor.token().familyId()).isEqualTo(old.familyId());
		assertThat(successor.token().id()).isNotEqualTo(old.id());
		verify(this.tokens).transition(old.id(), TokenStatus.ACTIVE, TokenStatus.ROTATED, "rotated",
				successor.token().id(), NOW);
	}

	@Test
	void rotateWhenNotActiveThenRefusedAndNoSuccessor() {
		AgentToken old = TestAgentTokens.withStatus(TestAgentTokens.active(this.agent.id()), TokenStatus.SUSPENDED);
		when(this.tokens.findById(old.id())).thenReturn(Optional.of(old));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.rotate(this.owner, this.agent.id(), old.id(), null))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TOKEN_NOT_ACTIVE));
		verify(this.tokens, never()).insert(any(), any());
	}

	@Test
	void rotateWhenAnotherRotationWonThenSuccessorRevoked() {
		AgentToken old = TestAgentTokens.active(this.agent.id());
		when(this.tokens.findById(old.id())).thenReturn(Optional.of(old));
		ArgumentCaptor<AgentToken> inserted = ArgumentCaptor.forClass(AgentToken.class);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.rotate(this.owner, this.agent.id(), old.id(), null))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TOKEN_NOT_ACTIVE));
		verify(this.tokens).insert(inserted.capture(), any());
		verify(this.tokens).transition(inserted.getValue().id(), TokenStatus.ACTIVE, TokenStatus.REVOKED,
				"rotation_lost_race", null, NOW);
	}

	@Test
	void listWhenAnotherOwnersAgentThenNotFound() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.service.list(new Actor(UUID.randomUUID(), false), this.agent.id()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
		verify(this.tokens, never()).findByAgent(any());
	}

}
