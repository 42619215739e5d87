package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.launcher.agentgateway.oauth.OAuthClient;
import com.launcher.agentgateway.oauth.OAuthClientStore;
import org.apache.ibatis.session.SqlSession;

/**
 * Clients in {@code agw_oauth_client}; the registration quota in
 * {@code agw_oauth_registration_quota}, spent by one conditional upsert. Redirect URIs
 * are stored one per line (a URI cannot hold a line break).
 */
public class MybatisOAuthClientStore implements OAuthClientStore {

	private final OAuthClientMapper clients;

	public MybatisOAuthClientStore(SqlSession sessions) {
		this.clients = sessions.getMapper(OAuthClientMapper.class);
	}

	@Override
	public boolean tryConsumeRegistration(String source, LocalDate day, int limit) {
		return !this.clients.consumeRegistration(source, day, limit).isEmpty();
	}

	@Override
	public void insert(OAuthClient client) {
		this.clients.insert(client, String.join("\n", client.redirectUris()));
	}

	@Override
	public void saveDocumentClient(OAuthClient client) {
		this.clients.saveDocumentClient(client, String.join("\n", client.redirectUris()));
	}

	@Override
	public Optional<OAuthClient> find(String clientId, Instant now) {
		return Optional.ofNullable(this.clients.find(clientId, now)).map(OAuthClientMapper.ClientRow::client);
	}

	@Override
	public void markUsed(String clientId, Instant now) {
		this.clients.markUsed(clientId, now);
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return this.clients.deleteExpired(now, limit);
	}

}
