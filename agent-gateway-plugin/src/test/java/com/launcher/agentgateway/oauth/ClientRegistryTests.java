package com.launcher.agentgateway.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.RequestContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ClientRegistryTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String CALLBACK = "http://127.0.0.1/callback";

	private static final String DOCUMENT = "https://client.example/oauth/client.json";

	private final InMemoryOAuthStores.Clients store = new InMemoryOAuthStores.Clients();

	private final AuditLog audit = mock(AuditLog.class);

	private final AtomicInteger fetches = new AtomicInteger();

	private ClientMetadata document = new ClientMetadata(DOCUMENT, "Document client", List.of(CALLBACK), "none",
			Set.of("authorization_code"), Set.of("code"), Set.of());

	private final MutableClock clock = new MutableClock(NOW);

	private final RequestContext request = new RequestContext() {

		@Override
		public String requestId() {
			return "r-1";
		}

		@Override
		public String clientAddress() {
			return "2001:db8:1:2:3:4:5:6";
		}

	};

	private ClientRegistry registry(OAuthSettings settings) {
		return new ClientRegistry(this.store, (clientId) -> {
			this.fetches.incrementAndGet();
			return this.document;
		}, settings, this.audit, this.request, this.clock);
	}

	private ClientRegistry registry() {
		return registry(OAuthSettings.defaults());
	}

	@Test
	void registerWhenPublicClientThenStoredExpiringUnusedAndAudited() {
		OAuthClient client = registry().register(
				new ClientMetadata(null, "  Codex\u202e  ", List.of(CALLBACK), null, Set.of(), Set.of(), Set.of()));
		assertThat(client.clientName()).isEqualTo("Codex");
		assertThat(client.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
		assertThat(client.registeredFrom()).isEqualTo("2001:db8:1:2::/64");
		assertThat(this.store.find(client.clientId(), NOW)).isPresent();
		assertThat(this.store.find(client.clientId(), NOW.plus(Duration.ofDays(2)))).isEmpty();
		AuditEvent event = lastEvent();
		assertThat(event.action()).isEqualTo("oauth.register");
		assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
		assertThat(event.targetId()).isEqualTo(client.clientId());
	}

	@Test
	void registerWhenConfidentialOrOtherGrantsThenInvalidClientMetadataNothingStoredOneEvent() {
		List<ClientMetadata> bad = List.of(
				new ClientMetadata(null, "x", List.of(CALLBACK), "client_secret_basic", Set.of(), Set.of(), Set.of()),
				new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of("client_credentials"), Set.of(),
						Set.of()),
				new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of("refresh_token"), Set.of(), Set.of()),
				new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of(), Set.of("token"), Set.of()),
				new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of(), Set.of(), Set.of("admin")));
		for (ClientMetadata metadata : bad) {
			assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().register(metadata))
				.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_CLIENT_METADATA));
		}
		assertThat(this.store.clients).isEmpty();
		assertThat(this.store.quota).as("a refused request spends no quota").isEmpty();
		verify(this.audit, times(bad.size())).append(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void registerWhenSourceSpentItsQuotaThenLimitedUntilTomorrow() {
		ClientRegistry registry = registry(
				new OAuthSettings(Duration.ofMinutes(1), Duration.ofDays(1), 2, true, Duration.ofHours(1)));
		ClientMetadata metadata = new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of(), Set.of(),
				Set.of());
		registry.register(metadata);
		registry.register(metadata);
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry.register(metadata))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.REGISTRATION_LIMITED));
		this.clock.advance(Duration.ofDays(1));
		assertThat(registry.register(metadata)).isNotNull();
	}

	@Test
	void registerWhenUnusedRegistrationsExpiredThenTheyAreForgotten() {
		ClientMetadata metadata = new ClientMetadata(null, "x", List.of(CALLBACK), "none", Set.of(), Set.of(),
				Set.of());
		OAuthClient old = registry().register(metadata);
		OAuthClient used = registry().register(metadata);
		registry().markUsed(used.clientId());
		this.clock.advance(Duration.ofDays(2));
		registry().register(metadata);
		assertThat(this.store.clients).doesNotContainKey(old.clientId()).containsKey(used.clientId());
	}

	@Test
	void resolveWhenMetadataDocumentThenFetchedOnceAndCachedForTheSetting() {
		ClientRegistry registry = registry();
		OAuthClient client = registry.resolve(DOCUMENT);
		assertThat(client.kind()).isEqualTo(OAuthClient.Kind.METADATA_DOCUMENT);
		assertThat(client.clientName()).isEqualTo("Document client");
		registry.resolve(DOCUMENT);
		assertThat(this.fetches).hasValue(1);
		this.clock.advance(Duration.ofHours(2));
		registry.resolve(DOCUMENT);
		assertThat(this.fetches).hasValue(2);
		assertThat(registry.known(DOCUMENT)).isPresent();
	}

	@Test
	void resolveWhenDocumentNamesAnotherClientOrIsConfidentialThenInvalidClient() {
		this.document = new ClientMetadata("https://other.example/client.json", "x", List.of(CALLBACK), "none",
				Set.of(), Set.of(), Set.of());
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().resolve(DOCUMENT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("metadata_client_id_mismatch"));
		this.document = new ClientMetadata(DOCUMENT, "x", List.of(CALLBACK), "private_key_jwt", Set.of(), Set.of(),
				Set.of());
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().resolve(DOCUMENT))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_CLIENT));
		this.document = new ClientMetadata(DOCUMENT, "x", List.of("http://example.com/cb"), "none", Set.of(), Set.of(),
				Set.of());
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().resolve(DOCUMENT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("metadata_redirect_uri_not_allowed"));
		assertThat(this.store.clients).isEmpty();
	}

	@Test
	void resolveWhenDocumentsTurnedOffOrClientUnknownThenInvalidClient() {
		ClientRegistry off = registry(
				new OAuthSettings(Duration.ofMinutes(1), Duration.ofDays(1), 20, false, Duration.ofHours(1)));
		assertThat(off.metadataDocumentsEnabled()).isFalse();
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> off.resolve(DOCUMENT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("metadata_documents_disabled"));
		assertThat(this.fetches).hasValue(0);
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().resolve("no-such-client"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("unknown_client"));
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> registry().resolve(""));
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> registry().resolve("https://x.example/" + "a".repeat(300)));
		assertThat(registry().known(null)).isEmpty();
	}

	@Test
	void refusedAtEdgeWhenCalledThenOneDeniedEventWithTheReason() {
		OAuthException error = new OAuthException(OAuthError.INVALID_CLIENT_METADATA, "malformed_registration",
				"The client metadata is not valid.");
		assertThat(registry().refusedAtEdge(error)).isSameAs(error);
		assertThat(lastEvent().reason()).isEqualTo("malformed_registration");
		assertThat(lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
	}

	@Test
	void sourceOfWhenIpv6ThenItsSlash64AndIpv4Unchanged() {
		assertThat(ClientRegistry.sourceOf("2001:db8:aa:bb:cc:dd:ee:ff")).isEqualTo("2001:db8:aa:bb::/64");
		assertThat(ClientRegistry.sourceOf("[2001:db8::1]")).isEqualTo("2001:db8:0:0::/64");
		assertThat(ClientRegistry.sourceOf("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientRegistry.sourceOf("-")).isEqualTo("-");
		assertThat(ClientRegistry.sourceOf(null)).isEqualTo("-");
	}

	@Test
	void displayNameWhenControlOrBidiCharactersThenRemovedAndCut() {
		assertThat(ClientRegistry.displayName("Co\u0000de\u200Bx\n  CLI")).isEqualTo("Codex CLI");
		assertThat(ClientRegistry.displayName("\u202e\u202d")).isEqualTo(ClientRegistry.UNNAMED);
		assertThat(ClientRegistry.displayName(null)).isEqualTo(ClientRegistry.UNNAMED);
		assertThat(ClientRegistry.displayName("n".repeat(300))).hasSize(100);
	}

	private AuditEvent lastEvent() {
		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, org.mockito.Mockito.atLeastOnce()).append(events.capture());
		return events.getValue();
	}

	/** A clock a test moves forward. */
	static final class MutableClock extends java.time.Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
