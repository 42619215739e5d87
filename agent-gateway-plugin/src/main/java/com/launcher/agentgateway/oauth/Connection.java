package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.UUID;

/**
 * One OAuth client's connection to an agent: a refresh-token family, for the agent page.
 *
 * @param familyId the family (also the family of its access tokens)
 * @param clientId the client
 * @param clientName its name
 * @param since when the person consented
 * @param lastIssued when tokens were last issued
 * @param expiresAt when the connection ends at the latest
 * @param active whether it can still refresh
 * @param statusReason why it ended, if it did
 */
public record Connection(UUID familyId, String clientId, String clientName, Instant since, Instant lastIssued,
		Instant expiresAt, boolean active, String statusReason) {
}
