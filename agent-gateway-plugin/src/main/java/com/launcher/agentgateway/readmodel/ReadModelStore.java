package com.launcher.agentgateway.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemFilter;

/**
 * The copy in PostgreSQL, shared by every node. Writes of cards and comments keep the
 * newest: a snapshot older than the row (by Tasker's {@code updated_at}) changes nothing,
 * so webhooks, sync pages and write answers may arrive in any order. Nothing is written
 * for a project the copy does not track.
 */
public interface ReadModelStore {

	Optional<CopiedProject> project(UUID projectId);

	List<CopiedProject> projects();

	/**
	 * The positions of these projects that the copy tracks, released or not, in one
	 * statement whatever their number (a search reads all its granted projects at once).
	 * @param projectIds the projects
	 * @return the tracked ones among them, in no particular order
	 */
	List<CopiedProject> projects(Collection<UUID> projectIds);

	/** The projects some agent holds a grant for, as the grants name them. */
	List<GrantedProject> grantedProjects();

	/**
	 * Starts tracking a project (or takes a released one back); an existing row keeps its
	 * position.
	 */
	void track(GrantedProject project);

	/** Stops serving a project at once; its rows stay until {@link #purgeReleased}. */
	void release(UUID projectId, Instant at);

	/** Removes the rows of projects released before the instant. */
	int purgeReleased(Instant before);

	/**
	 * Keeps the cards that are newer than (or as new as) their copies: a card as new as
	 * its copy only records that it was current at {@code copiedAt}.
	 * @param projectId the project they belong to (others are skipped)
	 * @param cards the cards, as Tasker answered
	 * @param copiedAt when Tasker answered
	 * @return how many rows were written
	 */
	int saveCards(UUID projectId, List<CardCopy> cards, Instant copiedAt);

	/**
	 * Keeps a card only if it is strictly newer than its copy (a webhook's snapshot: an
	 * equal one is a duplicate).
	 * @return whether it changed the copy
	 */
	boolean saveNewerCard(CardCopy card, Instant copiedAt);

	Optional<CopiedCard> card(UUID projectId, UUID id);

	Optional<CopiedCard> cardBySequence(UUID projectId, long sequenceId);

	/**
	 * One page of the project's cards matching the filter, newest first.
	 * @param projectId the project
	 * @param filter the filter; its text matches words by prefix (full-text search)
	 * @param after the last card of the previous page, or null
	 * @param limit the most cards
	 * @return the cards
	 */
	List<WorkItem> cards(UUID projectId, WorkItemFilter filter, CardKey after, int limit);

	/** Removes one card and its comments (Tasker said it is gone). */
	int removeCard(UUID projectId, UUID id);

	/**
	 * Removes the project's cards that a full id listing did not return, unless they were
	 * copied after the listing began.
	 * @param projectId the project
	 * @param listed the ids Tasker listed
	 * @param listingBegan when the listing began
	 * @return how many were removed
	 */
	int removeCardsExcept(UUID projectId, Collection<UUID> listed, Instant listingBegan);

	/** Replaces a card's comments with what Tasker answered, and records when. */
	void replaceComments(UUID projectId, UUID workItemId, List<CommentCopy> comments, Instant copiedAt);

	/** Keeps one comment if it is newer than its copy and its card is copied. */
	int saveComment(CommentCopy comment);

	/** One page of a card's comments, newest first. */
	List<Comment> comments(UUID workItemId, CommentKey after, int limit);

	void replaceStates(UUID projectId, List<State> states);

	void replaceLabels(UUID projectId, List<Label> labels);

	void replaceMembers(UUID projectId, List<Member> members);

	List<State> states(UUID projectId);

	List<Label> labels(UUID projectId);

	List<Member> members(UUID projectId);

	/**
	 * Records a complete incremental pass (the first one fills the project).
	 * @param projectId the project
	 * @param watermark the newest {@code updated_at} read so far
	 * @param asOf when the pass began: every change before it is in the copy
	 */
	void recordPass(UUID projectId, Instant watermark, Instant asOf);

	void recordSweep(UUID projectId, Instant at);

	void recordMeta(UUID projectId, Instant at);

	/**
	 * Remembers a webhook delivery id.
	 * @return false when it was seen before (a replay)
	 */
	boolean recordDelivery(UUID deliveryId, Instant at);

	int pruneDeliveries(Instant before);

	/** Where a page of cards ended: the last card's update time and id. */
	record CardKey(OffsetDateTime updatedAt, UUID id) {
	}

	/** Where a page of comments ended: the last comment's creation time and id. */
	record CommentKey(OffsetDateTime createdAt, UUID id) {
	}

}
