package com.launcher.agentgateway.host;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.user.UserStatus;

/**
 * Owners from the host's user directory; a directory that cannot answer means "refuse".
 */
public class HostOwnerDirectory implements OwnerDirectory {

	private final UserDirectory directory;

	public HostOwnerDirectory(UserDirectory directory) {
		this.directory = directory;
	}

	@Override
	public Optional<Owner> find(UUID userId) {
		try {
			return this.directory.findById(userId).map(HostOwnerDirectory::owner);
		}
		catch (RuntimeException ex) {
			throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE);
		}
	}

	@Override
	public Map<UUID, Owner.OwnerStatus> statuses(Collection<UUID> userIds) {
		try {
			Map<UUID, Owner.OwnerStatus> result = new HashMap<>();
			this.directory.statuses(userIds).forEach((id, status) -> result.put(id, map(status)));
			return result;
		}
		catch (RuntimeException ex) {
			throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE);
		}
	}

	private static Owner owner(LauncherUser user) {
		return new Owner(user.id(), user.displayName(), user.email(), map(user.status()), user.platformAdmin());
	}

	private static Owner.OwnerStatus map(UserStatus status) {
		return switch (status) {
			case ACTIVE -> Owner.OwnerStatus.ACTIVE;
			case BLOCKED -> Owner.OwnerStatus.BLOCKED;
			case ANNULLED -> Owner.OwnerStatus.ANNULLED;
		};
	}

}
