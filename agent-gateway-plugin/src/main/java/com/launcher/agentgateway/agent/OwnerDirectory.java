package com.launcher.agentgateway.agent;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The host's directory as the gateway needs it. Throws
 * {@link com.launcher.agentgateway.core.GatewayException} with
 * {@code SERVICE_UNAVAILABLE} when it cannot answer: callers deciding access fail closed.
 */
public interface OwnerDirectory {

	Optional<Owner> find(UUID userId);

	Map<UUID, Owner.OwnerStatus> statuses(Collection<UUID> userIds);

}
