package com.launcher.agentgateway.host;

import java.util.Objects;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.grant.MembershipCache;
import com.launcher.host.api.user.UserLifecycleEvent;
import com.launcher.host.api.user.UserLifecycleListener;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops every kept membership answer about a person when the host blocks, annuls or
 * reactivates them (issue 14): whatever Tasker said about them before may no longer hold,
 * and a reactivated owner's agents must be asked about afresh. A second extension beside
 * {@link OwnerLifecycleListener}, which the host calls as well.
 */
@Extension
public class MembershipLifecycleListener implements UserLifecycleListener {

	private static final Logger logger = LoggerFactory.getLogger(MembershipLifecycleListener.class);

	private final MembershipCache memberships;

	private final OwnerDirectory owners;

	private final FailureNames failures;

	public MembershipLifecycleListener(MembershipCache memberships, OwnerDirectory owners, FailureNames failures) {
		this.memberships = memberships;
		this.owners = owners;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	@Override
	public void onUserLifecycleEvent(UserLifecycleEvent event) {
		String email = null;
		try {
			email = this.owners.find(event.userId()).map(Owner::email).orElse(null);
		}
		catch (RuntimeException ex) {
			// The answers kept under the user's id still go; the few kept only under the
			// address (a person's own page) end with their bound.
			logger.warn("Could not look up user {} for their kept memberships ({})", event.userId(),
					this.failures.of(ex));
		}
		this.memberships.forgetPerson(event.userId(), email);
	}

}
