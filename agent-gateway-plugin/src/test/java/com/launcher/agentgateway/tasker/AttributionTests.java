package com.launcher.agentgateway.tasker;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.tasker.ExternalRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 point 9: provenance comes from a tag only the gateway can make, never from an
 * agent id any Tasker user can copy into an external id.
 */
class AttributionTests {

	private final Attribution attribution = TestAttribution.keyed();

	private final UUID project = UUID.randomUUID();

	private final UUID agent = UUID.randomUUID();

	private final IdempotencyKey key = new IdempotencyKey("key-12345678");

	@Test
	void externalRefWhenSameProjectAgentAndKeyThenSameIdAndRecognised() {
		ExternalRef ref = this.attribution.externalRef(this.project, this.agent, this.key);

		assertThat(this.attribution.externalRef(this.project, this.agent, this.key)).isEqualTo(ref);
		assertThat(ref.source()).isEqualTo("agent-gateway");
		assertThat(ref.id()).startsWith("agw-" + this.agent + "-").hasSizeLessThanOrEqualTo(255);
		assertThat(this.attribution.agentOf(this.project, "agent-gateway", ref.id())).isEqualTo(this.agent);
		assertThat(this.attribution.agentOf(this.project, "someone-else", ref.id())).isNull();
		assertThat(this.attribution.externalRef(this.project, this.agent, new IdempotencyKey("key-87654321")))
			.isNotEqualTo(ref);
	}

	@Test
	void agentOfWhenATaskerUserWritesTheAgentsIdPrefixThenNobody() {
		// What the gateway wrote before tags: agw-<agent>-<32 hex>. Anyone could.
		String forged = "agw-" + this.agent + "-" + "0123456789abcdef".repeat(2);
		String forgedLong = forged + "-" + "0123456789abcdef".repeat(2);

		assertThat(this.attribution.agentOf(this.project, "agent-gateway", forged)).isNull();
		assertThat(this.attribution.agentOf(this.project, "agent-gateway", forgedLong)).isNull();
	}

	@Test
	void agentOfWhenAValidIdIsCopiedToAnotherProjectOrAnotherAgentThenNobody() {
		String id = this.attribution.externalRef(this.project, this.agent, this.key).id();
		UUID other = UUID.randomUUID();

		assertThat(this.attribution.agentOf(UUID.randomUUID(), "agent-gateway", id)).isNull();
		assertThat(this.attribution.agentOf(this.project, "agent-gateway",
				id.replace(this.agent.toString(), other.toString())))
			.isNull();
	}

	@Test
	void agentOfWhenTaggedUnderAnotherKeyThenNobody() {
		String id = TestAttribution.keyed("another installation").externalRef(this.project, this.agent, this.key).id();

		assertThat(this.attribution.agentOf(this.project, "agent-gateway", id)).isNull();
	}

	@Test
	void agentOfWhenNotTheCanonicalFormThenNobodyAndNoKeyedWork() {
		List<String> keyed = new ArrayList<>();
		Secrets counting = (name, message) -> {
			keyed.add(name);
			return TestAttribution.secrets("k").hmacSha256(name, message);
		};
		Attribution attribution = new Attribution(counting);
		String valid = attribution.externalRef(this.project, this.agent, this.key).id();
		keyed.clear();

		assertThat(attribution.agentOf(this.project, "agent-gateway", valid.toUpperCase())).isNull();
		assertThat(attribution.agentOf(this.project, "agent-gateway",
				valid.replace(this.agent.toString(), this.agent.toString().toUpperCase())))
			.isNull();
		assertThat(attribution.agentOf(this.project, "agent-gateway", valid + "0")).isNull();
		assertThat(attribution.agentOf(this.project, "agent-gateway", "agw-" + this.agent)).isNull();
		assertThat(attribution.agentOf(this.project, "agent-gateway", null)).isNull();
		assertThat(attribution.agentOf(null, "agent-gateway", valid)).isNull();
		assertThat(keyed).as("the tag is computed only for an id of the canonical shape").isEmpty();
		assertThat(attribution.agentOf(this.project, "agent-gateway", valid)).isEqualTo(this.agent);
		assertThat(keyed).containsExactly(Attribution.SECRET);
	}

}
