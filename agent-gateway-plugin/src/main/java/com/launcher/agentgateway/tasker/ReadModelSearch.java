package com.launcher.agentgateway.tasker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.CopySearch;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.WorkItemSearch;

/**
 * Text search served from the read model only, at no Tasker call. Tasker offers nothing
 * that could stand in for it honestly: Plane's work-item list has no text filter, and its
 * workspace search matches titles by substring, without descriptions, comments, rank or
 * snippet (plane-api.md R9, R12). So a gateway without the copy refuses with
 * {@code search_disabled}, and a project whose copy is not filled yet is left out (and
 * asked to be filled), or refused with {@code search_not_ready} when no project is ready.
 * <p>
 * What is searched: the title and description of every card in the copy, and the comments
 * the copy holds, which are those read once through {@code list_comments}, written
 * through the gateway, or delivered by Tasker's webhooks since (the sync does not read
 * every card's comments: Plane lists them one card per call).
 */
public class ReadModelSearch implements WorkItemSearch {

	/** About how long a first fill of a small project takes. */
	private static final Duration FILL_RETRY = Duration.ofSeconds(5);

	private final CopySearch copy;

	private final ReadModelStore store;

	private final ReadModelSettings settings;

	private final Runnable fillRequested;

	/**
	 * @param copy the search statement
	 * @param store the copy, for each project's state
	 * @param settings whether the copy is on
	 * @param fillRequested asks the sync to run soon (a project needs its first fill)
	 */
	public ReadModelSearch(CopySearch copy, ReadModelStore store, ReadModelSettings settings, Runnable fillRequested) {
		this.copy = Objects.requireNonNull(copy, "copy");
		this.store = Objects.requireNonNull(store, "store");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.fillRequested = Objects.requireNonNull(fillRequested, "fillRequested");
	}

	@Override
	public Found search(List<Grant> grants, Query query, Page.Request page) {
		if (!this.settings.enabled()) {
			throw new GatewayException(ErrorCode.SEARCH_DISABLED);
		}
		Map<UUID, CopiedProject> copied = new HashMap<>();
		if (!grants.isEmpty()) {
			// One statement for every granted project, however many.
			this.store.projects(grants.stream().map(Grant::projectId).toList())
				.forEach((project) -> copied.put(project.projectId(), project));
		}
		List<UUID> searched = new ArrayList<>();
		List<UUID> notSearched = new ArrayList<>();
		Instant asOf = null;
		for (Grant grant : grants) {
			CopiedProject project = copied.get(grant.projectId());
			if (project != null && project.servable()) {
				searched.add(grant.projectId());
				// The answer is as old as its oldest project's copy.
				asOf = (asOf == null || project.asOf().isBefore(asOf)) ? project.asOf() : asOf;
			}
			else {
				if (tracks(project, grant)) {
					this.store
						.track(new GrantedProject(grant.workspace(), grant.projectId(), grant.projectIdentifier()));
				}
				notSearched.add(grant.projectId());
			}
		}
		if (!notSearched.isEmpty()) {
			this.fillRequested.run();
		}
		if (searched.isEmpty()) {
			if (grants.isEmpty()) {
				return new Found(new Page<>(List.of(), Optional.empty(), Optional.empty()), List.of());
			}
			throw GatewayException.retryAfter(ErrorCode.SEARCH_NOT_READY, FILL_RETRY);
		}
		CopySearch.Key after = (page.cursor() != null) ? ReadModelCursors.searchKey(page.cursor()) : null;
		List<CopySearch.Found> rows = this.copy.search(new CopySearch.Query(searched, query.text(), query.stateIds(),
				query.assigneeId(), after, page.limit() + 1));
		boolean more = rows.size() > page.limit();
		List<CopySearch.Found> hits = more ? rows.subList(0, page.limit()) : rows;
		Optional<String> next = Optional.empty();
		if (more) {
			CopySearch.Found last = hits.get(hits.size() - 1);
			next = Optional.of(ReadModelCursors.search(last.rank(), last.hit().item().id()));
		}
		return new Found(new Page<>(hits.stream().map(CopySearch.Found::hit).toList(), next, Optional.of(asOf)),
				notSearched);
	}

	/**
	 * Whether tracking would change the project's row: it is missing, released, or known
	 * by another identifier. Otherwise the sync already fills it and the write (an upsert
	 * that locks the row) would change nothing, on every search until the fill ends.
	 */
	private static boolean tracks(CopiedProject project, Grant grant) {
		return project == null || project.releasedAt() != null
				|| !Objects.equals(project.identifier(), grant.projectIdentifier());
	}

}
