package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.launcher.agentgateway.oauth.OAuthClient;

/** The statements of {@code OAuthClientMapper.xml}. */
interface OAuthClientMapper {

	/** One row when the registration was counted, none when the day's quota is spent. */
	List<Integer> consumeRegistration(String source, LocalDate day, int limit);

	void insert(OAuthClient client, String redirectUris);

	void saveDocumentClient(OAuthClient client, String redirectUris);

	ClientRow find(String clientId, Instant now);

	int markUsed(String clientId, Instant now);

	int deleteExpired(Instant now, int limit);

	/** A row of {@code agw_oauth_client}; redirect URIs are stored one per line. */
	record ClientRow(String clientId, OAuthClient.Kind kind, String clientName, String redirectUris,
			String registeredFrom, Instant createdAt, Instant fetchedAt, Instant lastUsedAt, Instant expiresAt) {

		OAuthClient client() {
			return new OAuthClient(this.clientId, this.kind, this.clientName,
					Arrays.asList(this.redirectUris.split("\n")), this.registeredFrom, this.createdAt, this.fetchedAt,
					this.lastUsedAt, this.expiresAt);
		}

	}

}
