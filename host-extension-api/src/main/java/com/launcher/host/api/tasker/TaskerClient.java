package com.launcher.host.api.tasker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The operations a plugin may perform on Tasker, in the name of the host's Tasker agent
 * user. Every method either returns a value or throws a {@link TaskerException} subclass;
 * workspaces are slugs and every other id is a UUID. Implementations validate their
 * arguments before any network call.
 */
public interface TaskerClient {

	/**
	 * The projects of a workspace that the agent user can see (members and public ones;
	 * check {@link TaskerProject#callerIsMember()}).
	 * @param workspace the workspace slug
	 * @return every visible project, all pages walked
	 */
	List<TaskerProject> listProjects(String workspace);

	TaskerProject getProject(String workspace, UUID projectId);

	/**
	 * Whether a person (by e-mail) is an active member of a project. The answer is
	 * honest: {@link ProjectMembership.Status#UNKNOWN} when no authoritative source can
	 * tell.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param userEmail the person's e-mail address
	 * @return the membership answer with its source
	 */
	ProjectMembership membership(String workspace, UUID projectId, String userEmail);

	List<TaskerState> listStates(String workspace, UUID projectId);

	List<TaskerLabel> listLabels(String workspace, UUID projectId);

	/**
	 * The users with a membership row in the project. Removed members are included: this
	 * list is not proof of active membership (use {@link #membership}).
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @return the listed users, each with e-mail address and display name
	 */
	List<TaskerUser> listProjectMembers(String workspace, UUID projectId);

	TaskerPage<TaskerWorkItem> listWorkItems(String workspace, UUID projectId, PageRequest page);

	/**
	 * One page of a project's work items, the most recently updated first, in pages as
	 * large as Tasker allows: what an incremental sync reads down to its watermark
	 * (plane-api.md §7 "Incremental sync"). Archived and draft items are not listed.
	 * Tasker pages by offset, so an item updated during a walk moves to the front (a
	 * later walk sees it) and one deleted during a walk can shift another across a page
	 * boundary: callers de-duplicate by id and rely on the next walk or a sweep.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param cursor {@code null} for the first page, else the
	 * {@link TaskerPage#nextCursor()} of the page before
	 * @return the page
	 */
	TaskerPage<TaskerWorkItem> listRecentlyUpdatedWorkItems(String workspace, UUID projectId, String cursor);

	/**
	 * One page of the ids and update times of every listed work item of a project, in
	 * pages as large as Tasker allows: a cheap full sweep that finds items deleted or
	 * archived since they were copied, which no webhook reports (plane-api.md §7). Oldest
	 * first. Tasker pages by offset, so a card deleted during a sweep can shift another
	 * past a page boundary: a card missing from one sweep is not proof that it is gone
	 * (confirm with {@link #getWorkItem} or a second sweep before dropping a copy).
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param cursor {@code null} for the first page, else the
	 * {@link TaskerPage#nextCursor()} of the page before
	 * @return the page
	 */
	TaskerPage<WorkItemStamp> listWorkItemStamps(String workspace, UUID projectId, String cursor);

	TaskerWorkItem getWorkItem(String workspace, UUID projectId, UUID workItemId);

	TaskerWorkItem getWorkItemByIdentifier(String workspace, WorkItemIdentifier identifier);

	/**
	 * The work item created earlier with this external reference, archived and draft ones
	 * included.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param ref the external reference
	 * @return the item, or empty when none exists
	 */
	Optional<TaskerWorkItem> findWorkItemByExternalId(String workspace, UUID projectId, ExternalRef ref);

	/**
	 * Creates a work item carrying the external reference.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param draft the whitelisted fields
	 * @param ref the external reference
	 * @return the created item
	 * @throws TaskerAlreadyExistsException when an item with this reference exists
	 */
	TaskerWorkItem createWorkItem(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref);

	/**
	 * Creates a work item once per external reference: returns the existing item when one
	 * carries the reference, otherwise creates it; a conflicting concurrent create
	 * resolves to the existing item.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param draft the whitelisted fields
	 * @param ref the external reference
	 * @return the existing or created item
	 */
	TaskerWorkItem createWorkItemIdempotently(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref);

	TaskerWorkItem updateWorkItem(String workspace, UUID projectId, UUID workItemId, WorkItemPatch patch);

	TaskerPage<TaskerComment> listComments(String workspace, UUID projectId, UUID workItemId, PageRequest page);

	/**
	 * Every comment of a work item, newest first, all pages walked. An unknown work item
	 * has no comments (Tasker answers an empty list, plane-api.md §9 item 8).
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param workItemId the work item
	 * @return the comments, each with its author and times
	 */
	List<TaskerComment> listAllComments(String workspace, UUID projectId, UUID workItemId);

	/**
	 * Adds a comment carrying the external reference. When a comment with this reference
	 * already exists anywhere in the project, it throws
	 * {@link TaskerAlreadyExistsException} with the existing comment's id, so the caller
	 * decides whether that is success (a replay) or a conflict.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param workItemId the work item
	 * @param draft the comment text
	 * @param ref the external reference
	 * @return the created comment
	 */
	TaskerComment createComment(String workspace, UUID projectId, UUID workItemId, CommentDraft draft, ExternalRef ref);

	/**
	 * The address a person opens to see a work item in Tasker's web app, for example
	 * {@code https://tasker.example.com/acme/browse/WEB-12/}. Makes no call.
	 * @param workspace the workspace slug
	 * @param identifier the readable id of the work item
	 * @return the address, or empty when the host knows no web app address for Tasker
	 */
	Optional<URI> webLink(String workspace, WorkItemIdentifier identifier);

	/**
	 * The longest one call of this client can take before it answers or throws, every
	 * wait (rate permit, concurrency slot), page, timeout and 429 retry included. A
	 * plugin derives from it how long a call may still be running, for example how long
	 * an idempotency claim must be held. Makes no call.
	 * @return the bound
	 * @since 1.3.0
	 */
	Duration longestCall();

}
