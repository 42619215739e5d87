package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Where the authorization server keeps its clients and its registration quota. */
public interface OAuthClientStore {

	/**
	 * Spends one of a source's registrations for a day, if any are left (one conditional
	 * upsert, so every node shares the count).
	 * @return whether the registration may go ahead
	 */
	boolean tryConsumeRegistration(String source, LocalDate day, int limit);

	void insert(OAuthClient client);

	/** Stores or refreshes a client known by its metadata document. */
	void saveDocumentClient(OAuthClient client);

	/** A client, unless it is an unused registration that has expired. */
	Optional<OAuthClient> find(String clientId, Instant now);

	/** Records that a token was issued to the client: it no longer expires unused. */
	void markUsed(String clientId, Instant now);

	/** Forgets unused registrations that have expired; answers how many. */
	int deleteExpired(Instant now, int limit);

}
