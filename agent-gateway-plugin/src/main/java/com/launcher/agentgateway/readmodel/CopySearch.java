package com.launcher.agentgateway.readmodel;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.workitem.WorkItemSearch;

/**
 * Full-text search in the copy: one statement over the cards of the given projects and
 * the comments the copy holds, ranked, with a bounded snippet per hit.
 */
public interface CopySearch {

	/**
	 * The best hits after the given one.
	 * @param query what to look for and where
	 * @return at most {@code query.limit()} hits, best first (rank, then id, descending)
	 */
	List<Found> search(Query query);

	/**
	 * A search.
	 *
	 * @param projectIds the projects searched (never empty)
	 * @param text the words as the agent typed them, parsed by PostgreSQL's
	 * {@code websearch_to_tsquery}
	 * @param stateIds only cards in one of these states, or null
	 * @param assigneeId only cards assigned to this person, or null
	 * @param after the last hit of the previous page, or null
	 * @param limit the most hits
	 */
	record Query(List<UUID> projectIds, String text, Set<UUID> stateIds, UUID assigneeId, Key after, int limit) {

		public Query {
			projectIds = List.copyOf(projectIds);
			if (projectIds.isEmpty()) {
				throw new IllegalArgumentException("projectIds must not be empty");
			}
			Objects.requireNonNull(text, "text");
			stateIds = (stateIds != null) ? Set.copyOf(stateIds) : null;
		}

	}

	/**
	 * Where a page of hits ended: the last hit's rank (a PostgreSQL real) and card id.
	 */
	record Key(float rank, UUID id) {
	}

	/** A hit and its rank, for the next page's key. */
	record Found(WorkItemSearch.Hit hit, float rank) {
	}

}
