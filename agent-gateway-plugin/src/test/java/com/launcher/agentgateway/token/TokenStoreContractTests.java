package com.launcher.agentgateway.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.token.TokenStore.TokenLookup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TokenStore} must do; run against each implementation by a subclass.
 */
public abstract class TokenStoreContractTests {

	protected static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123456Z");

	protected abstract TokenStore tokenStore();

	protected abstract AgentStore agentStore();

	protected abstract GrantStore grantStore();

	protected Agent givenAgent() {
		return givenAgent(UUID.randomUUID());
	}

	protected Agent givenAgent(UUID ownerUserId) {
		Agent agent = TestAgents.ownedBy(ownerUserId);
		agentStore().insert(agent);
		return agent;
	}

	protected AgentToken givenToken(AgentToken token) {
		tokenStore().insert(token, TestAgentTokens.randomHash());
		return token;
	}

	@Test
	void findByHashWhenStoredThenTokenWithAgentAndAllItsGrants() {
		Agent agent = givenAgent();
		Grant web = TestGrants.write(agent.id(), "WEB");
		Grant ops = TestGrants.read(agent.id(), "OPS");
		grantStore().insert(web);
		grantStore().insert(ops);
		grantStore().insert(TestGrants.write(givenAgent().id(), "OTHER"));
		AgentToken token = TestAgentTokens.withCidrs(TestAgentTokens.active(agent.id()),
				List.of("10.0.0.0/8", "2001:db8::/32"));
		byte[] hash = TestAgentTokens.randomHash();
		tokenStore().insert(token, hash);

		TokenLookup lookup = tokenStore().findPresented(hash.clone(), "198.51.100.7").lookup().orElseThrow();

		assertThat(lookup.token()).isEqualTo(token);
		assertThat(lookup.storedHash()).isEqualTo(hash);
		assertThat(lookup.agentStatus()).isEqualTo(AgentStatus.ENABLED);
		assertThat(lookup.agentName()).isEqualTo(agent.name());
		assertThat(lookup.ownerUserId()).isEqualTo(agent.ownerUserId());
		assertThat(lookup.grants()).containsExactlyInAnyOrder(web, ops);
	}

	@Test
	void findByHashWhenAgentHasNoGrantsThenEmptyGrants() {
		AgentToken token = TestAgentTokens.active(givenAgent().id());
		byte[] hash = TestAgentTokens.randomHash();
		tokenStore().insert(token, hash);

		assertThat(tokenStore().findPresented(hash, "198.51.100.7").lookup().orElseThrow().grants()).isEmpty();
	}

	@Test
	void findByHashWhenUnknownHashThenEmpty() {
		givenToken(TestAgentTokens.active(givenAgent().id()));

		assertThat(tokenStore().findPresented(TestAgentTokens.randomHash(), "198.51.100.7").lookup()).isEmpty();
	}

	@Test
	void transitionWhenInExpectedStatusThenMovesOnce() {
		AgentToken token = givenToken(TestAgentTokens.active(givenAgent().id()));
		UUID successor = UUID.randomUUID();

		assertThat(
				tokenStore().transition(token.id(), TokenStatus.ACTIVE, TokenStatus.ROTATED, "rotated", successor, NOW))
			.isTrue();
		assertThat(tokenStore().transition(token.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "late", null, NOW))
			.isFalse();

		AgentToken stored = tokenStore().findById(token.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(TokenStatus.ROTATED);
		assertThat(stored.statusReason()).isEqualTo("rotated");
		assertThat(stored.successorId()).isEqualTo(successor);
		assertThat(stored.statusChangedAt()).isEqualTo(NOW);
	}

	@Test
	void transitionWhenNotInExpectedStatusThenNothingChanges() {
		AgentToken token = givenToken(
				TestAgentTokens.withStatus(TestAgentTokens.active(givenAgent().id()), TokenStatus.SUSPENDED));

		assertThat(tokenStore().transition(token.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "x", null, NOW))
			.isFalse();
		assertThat(tokenStore().transition(UUID.randomUUID(), TokenStatus.ACTIVE, TokenStatus.REVOKED, "x", null, NOW))
			.isFalse();

		assertThat(tokenStore().findById(token.id()).orElseThrow().status()).isEqualTo(TokenStatus.SUSPENDED);
	}

	@Test
	void revokeFamilyWhenCalledThenEveryNonRevokedMemberRevokedAndOthersUntouched() {
		Agent agent = givenAgent();
		AgentToken first = givenToken(
				TestAgentTokens.withStatus(TestAgentTokens.active(agent.id()), TokenStatus.ROTATED));
		AgentToken second = givenToken(TestAgentTokens.inFamily(agent.id(), first.familyId()));
		AgentToken alreadyRevoked = givenToken(TestAgentTokens
			.withStatus(TestAgentTokens.inFamily(agent.id(), first.familyId()), TokenStatus.REVOKED));
		AgentToken otherFamily = givenToken(TestAgentTokens.active(agent.id()));

		List<AgentToken> changed = tokenStore().revokeFamily(first.familyId(), "rotated_token_reuse", NOW);

		assertThat(changed).extracting(AgentToken::id).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(changed).allSatisfy((t) -> assertThat(t.status()).isEqualTo(TokenStatus.REVOKED));
		assertThat(tokenStore().findById(second.id()).orElseThrow().statusReason()).isEqualTo("rotated_token_reuse");
		assertThat(tokenStore().findById(alreadyRevoked.id()).orElseThrow().statusReason()).isNull();
		assertThat(tokenStore().findById(otherFamily.id()).orElseThrow().status()).isEqualTo(TokenStatus.ACTIVE);
		assertThat(tokenStore().revokeFamily(first.familyId(), "again", NOW)).isEmpty();
	}

	@Test
	void transitionForOwnerWhenCalledThenOnlyThatOwnersTokensInTheGivenStatusesMove() {
		UUID owner = UUID.randomUUID();
		Agent one = givenAgent(owner);
		Agent two = givenAgent(owner);
		AgentToken active = givenToken(TestAgentTokens.active(one.id()));
		AgentToken suspended = givenToken(
				TestAgentTokens.withStatus(TestAgentTokens.active(two.id()), TokenStatus.SUSPENDED));
		AgentToken rotated = givenToken(
				TestAgentTokens.withStatus(TestAgentTokens.active(two.id()), TokenStatus.ROTATED));
		AgentToken stranger = givenToken(TestAgentTokens.active(givenAgent().id()));

		List<AgentToken> suspendedNow = tokenStore().transitionForOwner(owner, EnumSet.of(TokenStatus.ACTIVE),
				TokenStatus.SUSPENDED, "owner_blocked", NOW);
		assertThat(suspendedNow).extracting(AgentToken::id).containsExactly(active.id());
		assertThat(suspendedNow.get(0).status()).isEqualTo(TokenStatus.SUSPENDED);

		List<AgentToken> revoked = tokenStore().transitionForOwner(owner,
				EnumSet.of(TokenStatus.ACTIVE, TokenStatus.SUSPENDED), TokenStatus.REVOKED, "owner_annulled", NOW);
		assertThat(revoked).extracting(AgentToken::id).containsExactlyInAnyOrder(active.id(), suspended.id());

		assertThat(tokenStore().findById(rotated.id()).orElseThrow().status()).isEqualTo(TokenStatus.ROTATED);
		assertThat(tokenStore().findById(stranger.id()).orElseThrow().status()).isEqualTo(TokenStatus.ACTIVE);
	}

	@Test
	void touchWhenWithinAMinuteFromTheSameAddressThenLastUseUnchanged() {
		AgentToken token = givenToken(TestAgentTokens.active(givenAgent().id()));

		tokenStore().touch(token.id(), NOW, "10.0.0.1");
		tokenStore().touch(token.id(), NOW.plusSeconds(59), "10.0.0.1");

		AgentToken stored = tokenStore().findById(token.id()).orElseThrow();
		assertThat(stored.lastUsedAt()).isEqualTo(NOW);
		assertThat(stored.lastUsedIp()).isEqualTo("10.0.0.1");
	}

	@Test
	void touchWhenAfterAMinuteOrFromAnotherAddressThenLastUseMoves() {
		AgentToken token = givenToken(TestAgentTokens.active(givenAgent().id()));

		tokenStore().touch(token.id(), NOW, "10.0.0.1");
		tokenStore().touch(token.id(), NOW.plusSeconds(10), "10.0.0.2");
		assertThat(tokenStore().findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(10));

		tokenStore().touch(token.id(), NOW.plusSeconds(71), "10.0.0.2");
		AgentToken stored = tokenStore().findById(token.id()).orElseThrow();
		assertThat(stored.lastUsedAt()).isEqualTo(NOW.plusSeconds(71));
		assertThat(stored.lastUsedIp()).isEqualTo("10.0.0.2");
	}

	@Test
	void findByAgentWhenSeveralThenNewestFirstAndOnlyThatAgents() {
		Agent agent = givenAgent();
		AgentToken older = givenToken(TestAgentTokens.active(agent.id()));
		AgentToken t = TestAgentTokens.active(agent.id());
		AgentToken newer = givenToken(
				new AgentToken(t.id(), t.agentId(), t.familyId(), t.hint(), t.status(), null, List.of(), t.createdBy(),
						t.createdAt().plus(1, ChronoUnit.HOURS), t.expiresAt(), null, null, null, null));
		givenToken(TestAgentTokens.active(givenAgent().id()));

		assertThat(tokenStore().findByAgent(agent.id())).extracting(AgentToken::id)
			.containsExactly(newer.id(), older.id());
	}

	@Test
	void ownersWithActiveTokensWhenMixedThenOnlyOwnersHoldingAnActiveToken() {
		Agent withActive = givenAgent();
		givenToken(TestAgentTokens.active(withActive.id()));
		Agent withRevoked = givenAgent();
		givenToken(TestAgentTokens.withStatus(TestAgentTokens.active(withRevoked.id()), TokenStatus.REVOKED));

		assertThat(tokenStore().ownersWithActiveTokens()).contains(withActive.ownerUserId())
			.doesNotContain(withRevoked.ownerUserId());
	}

}
