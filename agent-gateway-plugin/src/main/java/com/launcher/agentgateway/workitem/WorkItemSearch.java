package com.launcher.agentgateway.workitem;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;

/**
 * Text search over the cards of the projects an agent may read now (issue 15, point 3):
 * titles, descriptions and the comments the copy holds, ranked, each hit with a short
 * highlighted snippet. The caller has checked every grant and the owner's live membership
 * of each project; the search confines itself to those projects.
 */
public interface WorkItemSearch {

	/**
	 * One page of hits, best first.
	 * @param grants the projects to search, each already checked
	 * @param query what to look for
	 * @param page where to start (a cursor of an earlier page of the same search) and how
	 * many at most
	 * @return the hits and the projects that could not be searched yet
	 * @throws GatewayException {@code search_disabled} when there is no copy to search;
	 * {@code search_not_ready} when none of the projects is copied yet
	 */
	Found search(List<Grant> grants, Query query, Page.Request page);

	/**
	 * What to look for.
	 *
	 * @param text words as people type them ({@code "login bug"},
	 * {@code "quoted phrase"}, {@code or}, {@code -word}); never query syntax
	 * @param stateIds only cards in one of these states, or null for any
	 * @param assigneeId only cards assigned to this person, or null
	 */
	record Query(String text, Set<UUID> stateIds, UUID assigneeId) {

		/** The longest text searched, as the tool's schema bounds it. */
		public static final int MAX_TEXT = 200;

		public Query {
			if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
				throw GatewayException.invalid("query", "must hold 1 to " + MAX_TEXT + " characters");
			}
			stateIds = (stateIds != null) ? Set.copyOf(stateIds) : null;
		}

	}

	/** Where a card matched. */
	enum Source {

		TITLE, DESCRIPTION, COMMENT

	}

	/**
	 * One card found.
	 *
	 * @param item the card
	 * @param matchedIn where the words were found
	 * @param snippet a short excerpt with the words marked {@code **like this**}, as
	 * people wrote it (untrusted)
	 * @param snippetFrom the text the snippet was cut from
	 * @param snippetAuthorId who wrote that text in Tasker, or null
	 * @param snippetWrittenByAgent the agent that wrote it through the gateway, or null
	 */
	record Hit(WorkItem item, Set<Source> matchedIn, String snippet, Source snippetFrom, UUID snippetAuthorId,
			UUID snippetWrittenByAgent) {

		public Hit {
			Objects.requireNonNull(item, "item");
			matchedIn = Set.copyOf(matchedIn);
			Objects.requireNonNull(snippetFrom, "snippetFrom");
			snippet = (snippet != null) ? snippet : "";
		}

	}

	/**
	 * A page of hits.
	 *
	 * @param page the hits, best first, with the next cursor and the oldest {@code as_of}
	 * of the projects searched
	 * @param notSearched the projects whose copy is not ready yet (asked to be filled)
	 */
	record Found(Page<Hit> page, List<UUID> notSearched) {

		public Found {
			Objects.requireNonNull(page, "page");
			notSearched = List.copyOf(notSearched);
		}

	}

}
