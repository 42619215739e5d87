package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory twins of the authorization server's stores, for unit tests. */
final class InMemoryOAuthStores {

	private InMemoryOAuthStores() {
	}

	static final class Clients implements OAuthClientStore {

		final Map<String, OAuthClient> clients = new HashMap<>();

		final Map<String, Integer> quota = new HashMap<>();

		@Override
		public synchronized boolean tryConsumeRegistration(String source, LocalDate day, int limit) {
			int used = this.quota.getOrDefault(source + "|" + day, 0);
			if (used >= limit) {
				return false;
			}
			this.quota.put(source + "|" + day, used + 1);
			return true;
		}

		@Override
		public synchronized void insert(OAuthClient client) {
			this.clients.put(client.clientId(), client);
		}

		@Override
		public synchronized void saveDocumentClient(OAuthClient client) {
			this.clients.put(client.clientId(), client);
		}

		@Override
		public synchronized Optional<OAuthClient> find(String clientId, Instant now) {
			return Optional.ofNullable(this.clients.get(clientId))
				.filter((c) -> c.expiresAt() == null || c.expiresAt().isAfter(now));
		}

		@Override
		public synchronized void markUsed(String clientId, Instant now) {
			OAuthClient c = this.clients.get(clientId);
			this.clients.put(clientId, new OAuthClient(c.clientId(), c.kind(), c.clientName(), c.redirectUris(),
					c.registeredFrom(), c.createdAt(), c.fetchedAt(), now, null));
		}

		@Override
		public synchronized int deleteExpired(Instant now, int limit) {
			List<String> expired = this.clients.values()
				.stream()
				.filter((c) -> c.expiresAt() != null && !c.expiresAt().isAfter(now))
				.map(OAuthClient::clientId)
				.limit(limit)
				.toList();
			expired.forEach(this.clients::remove);
			return expired.size();
		}

	}

	static final class Codes implements AuthorizationCodeStore {

		final Map<String, AuthorizationCode> codes = new HashMap<>();

		@Override
		public synchronized void insert(AuthorizationCode code, byte[] hash) {
			this.codes.put(Arrays.toString(hash), code);
		}

		@Override
		public synchronized Optional<Claimed> claim(byte[] hash, Instant now) {
			AuthorizationCode code = this.codes.get(Arrays.toString(hash));
			if (code == null) {
				return Optional.empty();
			}
			boolean first = code.usedAt() == null;
			if (first) {
				this.codes.put(Arrays.toString(hash), new AuthorizationCode(code.authorization(), code.redirectUri(),
						code.codeChallenge(), code.expiresAt(), now));
			}
			return Optional.of(new Claimed(code, hash, first));
		}

		@Override
		public synchronized int deleteExpired(Instant before, int limit) {
			int before0 = this.codes.size();
			this.codes.values().removeIf((c) -> c.expiresAt().isBefore(before));
			return before0 - this.codes.size();
		}

	}

	static final class RefreshTokens implements RefreshTokenStore {

		final Map<String, RefreshToken> byHash = new HashMap<>();

		@Override
		public synchronized void insert(RefreshToken token, byte[] hash) {
			this.byHash.put(Arrays.toString(hash), token);
		}

		@Override
		public synchronized Optional<Presented> findByHash(byte[] hash) {
			return Optional.ofNullable(this.byHash.get(Arrays.toString(hash))).map((t) -> new Presented(t, hash));
		}

		@Override
		public synchronized boolean rotate(UUID id, Instant now) {
			for (Map.Entry<String, RefreshToken> entry : this.byHash.entrySet()) {
				RefreshToken t = entry.getValue();
				if (t.id().equals(id) && t.status() == RefreshToken.Status.ACTIVE) {
					entry.setValue(with(t, RefreshToken.Status.ROTATED, "rotated"));
					return true;
				}
			}
			return false;
		}

		@Override
		public synchronized List<RefreshToken> revokeFamily(UUID familyId, String reason, Instant now) {
			List<RefreshToken> changed = new ArrayList<>();
			for (Map.Entry<String, RefreshToken> entry : this.byHash.entrySet()) {
				RefreshToken t = entry.getValue();
				if (t.authorization().familyId().equals(familyId) && t.status() != RefreshToken.Status.REVOKED) {
					entry.setValue(with(t, RefreshToken.Status.REVOKED, reason));
					changed.add(entry.getValue());
				}
			}
			return changed;
		}

		@Override
		public synchronized List<RefreshToken> findByAgent(UUID agentId) {
			return this.byHash.values()
				.stream()
				.filter((t) -> t.authorization().agentId().equals(agentId))
				.sorted(Comparator.comparing(RefreshToken::createdAt).reversed())
				.toList();
		}

		private static RefreshToken with(RefreshToken t, RefreshToken.Status status, String reason) {
			return new RefreshToken(t.id(), t.hint(), t.authorization(), t.accessTokenId(), status, reason,
					t.createdAt(), t.expiresAt());
		}

	}

}
