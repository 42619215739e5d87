package com.launcher.agentgateway.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the list of projects a person may grant for a short bound, so a person moving
 * between pages does not spend Tasker's budget on every view (issue 14). The list only
 * shows choices: a grant itself is still checked against Tasker when it is made
 * ({@link #check} is never cached), so a node's copy of a list decides nothing.
 */
public class CachedTaskerProjects implements TaskerProjects {

	/** Beyond this many people, the oldest lists are dropped. */
	private static final int MAX_LISTS = 1_000;

	private final TaskerProjects delegate;

	private final Duration bound;

	private final Clock clock;

	private final Map<String, Kept> lists = new ConcurrentHashMap<>();

	public CachedTaskerProjects(TaskerProjects delegate, Duration bound, Clock clock) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.bound = Objects.requireNonNull(bound, "bound");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public List<ProjectRef> memberProjects(String email, String workspace) {
		if (this.bound.isZero()) {
			return this.delegate.memberProjects(email, workspace);
		}
		String key = workspace + '\n' + email.trim().toLowerCase(Locale.ROOT);
		Instant now = this.clock.instant();
		Kept kept = this.lists.get(key);
		if (kept != null && now.isBefore(kept.until())) {
			return kept.projects();
		}
		List<ProjectRef> projects = List.copyOf(this.delegate.memberProjects(email, workspace));
		if (this.lists.size() >= MAX_LISTS) {
			this.lists.values().removeIf((k) -> !now.isBefore(k.until()));
			if (this.lists.size() >= MAX_LISTS) {
				this.lists.clear();
			}
		}
		this.lists.put(key, new Kept(projects, now.plus(this.bound)));
		return projects;
	}

	@Override
	public MembershipCheck check(String email, String workspace, UUID projectId) {
		return this.delegate.check(email, workspace, projectId);
	}

	private record Kept(List<ProjectRef> projects, Instant until) {
	}

}
