package com.launcher.agentgateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID AGENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID TOKEN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

	@Test
	void canonicalWhenEventThenFieldsInFixedOrderWithSeparatorsAndNullMarker() {
		AuditEvent event = new AuditEvent(ID, AT, AGENT, OWNER, AuditEvent.ActorType.AGENT, "a1", "token.use", null,
				null, AuditEvent.Outcome.DENIED, "token_revoked", "req-1", "10.0.0.1", TOKEN, "agw_\u2026abcd",
				Map.of("b", "2", "a", "1"));

		String canonical = AuditChain.canonical(7, event);

		assertThat(canonical)
			.isEqualTo(String.join("\u001f", "7", ID.toString(), "2026-11-22T10:00:00.123456Z", AGENT.toString(),
					OWNER.toString(), "AGENT", "a1", "token.use", "\u2400", "\u2400", "DENIED", "token_revoked",
					"req-1", "10.0.0.1", TOKEN.toString(), "agw_\u2026abcd", "{\"a\":\"1\",\"b\":\"2\"}") + "\u001f");
	}

	@Test
	void linkWhenEventThenSha256OfPreviousHashAndCanonicalEncoding() throws Exception {
		AuditEvent event = TestAuditEvents.full();
		byte[] previous = new byte[32];
		previous[0] = 1;

		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(previous);
		byte[] expected = digest.digest(AuditChain.canonical(3, event).getBytes(StandardCharsets.UTF_8));

		assertThat(AuditChain.link(previous, 3, event)).hasSize(32).isEqualTo(expected);
		assertThat(AuditChain.GENESIS).hasSize(32).containsOnly(0);
	}

	@Test
	void linkWhenAnyFieldChangesThenHashChanges() {
		AuditEvent base = TestAuditEvents.full();
		List<UnaryOperator<AuditEvent>> changes = new ArrayList<>();
		changes.add((e) -> copy(e, 0, UUID.randomUUID()));
		changes.add((e) -> copy(e, 1, e.occurredAt().plusNanos(1000)));
		changes.add((e) -> copy(e, 2, UUID.randomUUID()));
		changes.add((e) -> copy(e, 3, UUID.randomUUID()));
		changes.add((e) -> copy(e, 4, AuditEvent.ActorType.USER));
		changes.add((e) -> copy(e, 5, "someone-else"));
		changes.add((e) -> copy(e, 6, "token.revoke"));
		changes.add((e) -> copy(e, 7, "agent"));
		changes.add((e) -> copy(e, 8, "WEB-13"));
		changes.add((e) -> copy(e, 9, AuditEvent.Outcome.FAILED));
		changes.add((e) -> copy(e, 10, "other"));
		changes.add((e) -> copy(e, 11, "req-2"));
		changes.add((e) -> copy(e, 12, "10.0.0.8"));
		changes.add((e) -> copy(e, 13, UUID.randomUUID()));
		changes.add((e) -> copy(e, 14, "agw_\u2026wxyz"));
		changes.add((e) -> copy(e, 15, Map.of("project", "WEB")));
		changes.add((e) -> copy(e, 15, Map.of("project", "WEX", "note", e.details().get("note"))));
		for (int f : new int[] { 2, 3, 5, 7, 8, 10, 11, 12, 13, 14 }) {
			changes.add((e) -> copy(e, f, null));
		}
		byte[] original = AuditChain.link(AuditChain.GENESIS, 5, base);
		assertThat(AuditChain.link(AuditChain.GENESIS, 5, copy(base, 0, base.id()))).isEqualTo(original);
		for (int i = 0; i < changes.size(); i++) {
			AuditEvent changed = changes.get(i).apply(base);
			assertThat(changed).as("change %d", i).isNotEqualTo(base);
			assertThat(AuditChain.link(AuditChain.GENESIS, 5, changed)).as("change %d", i).isNotEqualTo(original);
		}
		assertThat(AuditChain.link(AuditChain.GENESIS, 6, base)).isNotEqualTo(original);
		byte[] otherPrevious = new byte[32];
		otherPrevious[31] = 1;
		assertThat(AuditChain.link(otherPrevious, 5, base)).isNotEqualTo(original);
	}

	@Test
	void linkWhenDetailsInsertedInAnotherOrderThenSameHash() {
		Map<String, String> forward = new LinkedHashMap<>();
		forward.put("alpha", "1");
		forward.put("beta", "2");
		forward.put("gamma", "3");
		Map<String, String> backward = new LinkedHashMap<>();
		backward.put("gamma", "3");
		backward.put("beta", "2");
		backward.put("alpha", "1");
		AuditEvent base = TestAuditEvents.full();

		assertThat(AuditChain.link(AuditChain.GENESIS, 1, copy(base, 15, forward)))
			.isEqualTo(AuditChain.link(AuditChain.GENESIS, 1, copy(base, 15, new HashMap<>(backward))))
			.isEqualTo(AuditChain.link(AuditChain.GENESIS, 1, copy(base, 15, backward)));
	}

	@Test
	void encodeWhenDetailsThenSortedKeysAndEscapedValues() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("z", "a\"b\\c\nd\re\tf\u0001");
		details.put("a", "plain");

		assertThat(AuditDetails.encode(details))
			.isEqualTo("{\"a\":\"plain\",\"z\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"}");
		assertThat(AuditDetails.encode(Map.of())).isEqualTo("{}");
	}

	@Test
	void canonicalWhenValueContainsTheSeparatorThenItCannotImpersonateTheNextField() {
		AuditEvent shifted = copy(copy(TestAuditEvents.full(), 7, "work_item\u001fWEB-12"), 8, null);
		AuditEvent honest = copy(copy(shifted, 7, "work_item"), 8, "WEB-12\u001f\u2400");

		assertThat(AuditChain.link(AuditChain.GENESIS, 1, shifted))
			.isNotEqualTo(AuditChain.link(AuditChain.GENESIS, 1, honest));
	}

	@Test
	void canonicalWhenValueIsTheNullMarkerThenDiffersFromNull() {
		AuditEvent withNull = copy(TestAuditEvents.full(), 10, null);
		AuditEvent withMarker = copy(withNull, 10, "\u2400");

		assertThat(AuditChain.link(AuditChain.GENESIS, 1, withNull))
			.isNotEqualTo(AuditChain.link(AuditChain.GENESIS, 1, withMarker));
	}

	/** A copy of the event with one component (in declaration order) replaced. */
	@SuppressWarnings("unchecked")
	static AuditEvent copy(AuditEvent e, int component, Object value) {
		Object[] v = { e.id(), e.occurredAt(), e.agentId(), e.ownerUserId(), e.actorType(), e.actorId(), e.action(),
				e.targetType(), e.targetId(), e.outcome(), e.reason(), e.requestId(), e.sourceAddress(), e.tokenId(),
				e.tokenHint(), e.details() };
		v[component] = value;
		return new AuditEvent((UUID) v[0], (Instant) v[1], (UUID) v[2], (UUID) v[3], (AuditEvent.ActorType) v[4],
				(String) v[5], (String) v[6], (String) v[7], (String) v[8], (AuditEvent.Outcome) v[9], (String) v[10],
				(String) v[11], (String) v[12], (UUID) v[13], (String) v[14], (Map<String, String>) v[15]);
	}

}
