package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What every {@link AgentStore} must do. */
public abstract class AgentStoreContractTests {

	protected abstract AgentStore agentStore();

	@Test
	void findByIdWhenInsertedThenSameAgent() {
		Agent agent = TestAgents.agent();
		agentStore().insert(agent);

		assertThat(agentStore().findById(agent.id())).contains(agent);
		assertThat(agentStore().findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void insertWhenOwnerHasThatNameInAnyCaseThenNameTaken() {
		UUID owner = UUID.randomUUID();
		agentStore().insert(TestAgents.ownedBy(owner, "Builder"));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> agentStore().insert(TestAgents.ownedBy(owner, "builder")))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.AGENT_NAME_TAKEN);
				assertThat(ex.field()).isEqualTo("name");
			});
		Agent elsewhere = TestAgents.ownedBy(UUID.randomUUID(), "Builder");
		agentStore().insert(elsewhere);
		assertThat(agentStore().findById(elsewhere.id())).isPresent();
	}

	@Test
	void findByOwnerWhenSeveralOwnersThenOnlyTheirsInCreationOrder() {
		UUID owner = UUID.randomUUID();
		Agent second = TestAgents.createdAt(TestAgents.ownedBy(owner), Instant.parse("2026-11-23T10:00:00Z"));
		Agent first = TestAgents.createdAt(TestAgents.ownedBy(owner), Instant.parse("2026-11-22T10:00:00Z"));
		agentStore().insert(second);
		agentStore().insert(first);
		agentStore().insert(TestAgents.agent());

		assertThat(agentStore().findByOwner(owner)).extracting(Agent::id).containsExactly(first.id(), second.id());
		assertThat(agentStore().findAll()).extracting(Agent::id).contains(first.id(), second.id());
	}

	@Test
	void updateStatusWhenExistsThenChangedElseFalse() {
		Agent agent = TestAgents.agent();
		agentStore().insert(agent);
		Instant later = Instant.parse("2026-12-01T00:00:00Z");

		assertThat(agentStore().updateStatus(agent.id(), AgentStatus.DISABLED, later)).isTrue();
		assertThat(agentStore().updateStatus(UUID.randomUUID(), AgentStatus.DISABLED, later)).isFalse();

		Agent stored = agentStore().findById(agent.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(AgentStatus.DISABLED);
		assertThat(stored.updatedAt()).isEqualTo(later);
	}

	@Test
	void recordReportWhenCalledThenLatestReportReadBack() {
		Agent agent = TestAgents.agent();
		agentStore().insert(agent);
		Agent.ProgressReport report = new Agent.ProgressReport(Instant.parse("2026-12-01T08:00:00Z"), "working",
				"halfway", "WEB-12");

		agentStore().recordReport(agent.id(), report);

		assertThat(agentStore().findById(agent.id()).orElseThrow().lastReport()).isEqualTo(report);
	}

	@Test
	void searchWhenFilteredAndPagedThenOnlyMatchingInNameOrderWithTheTotal() {
		UUID owner = UUID.randomUUID();
		for (String name : List.of("zeta-build", "Alpha-BUILD", "beta-build", "gamma-docs")) {
			agentStore().insert(TestAgents.ownedBy(owner, name));
		}
		Agent disabled = TestAgents.ownedBy(owner, "delta-build");
		agentStore().insert(disabled);
		agentStore().updateStatus(disabled.id(), AgentStatus.DISABLED, TestAgents.CREATED);
		agentStore().insert(TestAgents.ownedBy(UUID.randomUUID(), "other-build"));
		Instant since = Instant.parse("2026-12-01T00:00:00Z");

		AgentQuery builds = new AgentQuery("build", owner, null, null, since, 2, 0);
		AgentQuery.Page first = agentStore().search(builds);
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.agents()).extracting(Agent::name).containsExactly("Alpha-BUILD", "beta-build");
		assertThat(agentStore().search(builds.page(2, 2)).agents()).extracting(Agent::name)
			.containsExactly("delta-build", "zeta-build");
		AgentQuery.Page past = agentStore().search(builds.page(2, 4));
		assertThat(past.agents()).isEmpty();
		assertThat(past.total()).isEqualTo(4);

		assertThat(agentStore().search(new AgentQuery(null, owner, AgentStatus.DISABLED, null, since, 10, 0)).agents())
			.extracting(Agent::id)
			.containsExactly(disabled.id());
		// Names are matched as text: LIKE wildcards in the filter match nothing.
		assertThat(agentStore().search(new AgentQuery("%", owner, null, null, since, 10, 0)).total()).isZero();
		assertThat(agentStore().ownerIds()).contains(owner);
	}

}
