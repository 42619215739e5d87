package com.launcher.agentgateway.grant;

import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.TestAgents;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What every {@link GrantStore} must do. */
public abstract class GrantStoreContractTests {

	protected abstract GrantStore grantStore();

	protected abstract AgentStore agentStore();

	private Agent givenAgent() {
		Agent agent = TestAgents.agent();
		agentStore().insert(agent);
		return agent;
	}

	@Test
	void findByAgentWhenInsertedThenOnlyThatAgentsGrantsByIdentifier() {
		Agent agent = givenAgent();
		Grant web = TestGrants.write(agent.id(), "WEB");
		Grant api = TestGrants.read(agent.id(), "API");
		grantStore().insert(web);
		grantStore().insert(api);
		grantStore().insert(TestGrants.read(givenAgent().id(), "AAA"));

		assertThat(grantStore().findByAgent(agent.id())).containsExactly(api, web);
		assertThat(grantStore().findById(web.id())).contains(web);
		assertThat(grantStore().findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void insertWhenProjectAlreadyGrantedThenGrantExists() {
		Agent agent = givenAgent();
		Grant first = TestGrants.read(agent.id(), "WEB");
		grantStore().insert(first);
		Grant again = new Grant(UUID.randomUUID(), agent.id(), first.workspace(), first.projectId(), "WEB", "Web",
				Access.WRITE, first.createdBy(), first.createdAt());

		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> grantStore().insert(again))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.GRANT_EXISTS));
		assertThat(grantStore().findByAgent(agent.id())).containsExactly(first);
	}

	@Test
	void deleteWhenExistsThenGoneAndSecondDeleteFalse() {
		Agent agent = givenAgent();
		Grant grant = TestGrants.read(agent.id(), "WEB");
		grantStore().insert(grant);

		assertThat(grantStore().delete(grant.id())).isTrue();
		assertThat(grantStore().delete(grant.id())).isFalse();
		assertThat(grantStore().findByAgent(agent.id())).isEmpty();
	}

	@Test
	void updateAccessWhenGrantExistsThenSameGrantWithNewAccessAndUnknownIdFalse() {
		Agent agent = givenAgent();
		Grant grant = TestGrants.read(agent.id(), "WEB");
		Grant other = TestGrants.read(agent.id(), "OPS");
		grantStore().insert(grant);
		grantStore().insert(other);

		assertThat(grantStore().updateAccess(grant.id(), Access.WRITE)).isTrue();

		assertThat(grantStore().findById(grant.id())).contains(new Grant(grant.id(), agent.id(), grant.workspace(),
				grant.projectId(), "WEB", grant.projectName(), Access.WRITE, grant.createdBy(), grant.createdAt()));
		assertThat(grantStore().findById(other.id())).contains(other);
		assertThat(grantStore().updateAccess(UUID.randomUUID(), Access.READ)).isFalse();
	}

}
