package com.launcher.tasker.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person working in Tasker's web app (not through the agent's API key): each change is
 * saved as Plane's app views save it and fires webhooks as they do, with
 * {@code activity.actor} this person. The web app names reference fields
 * {@code state_id}, {@code label_ids}, {@code assignee_ids} and {@code parent_id}, so an
 * edit's per-field deliveries carry those names. Deleting or archiving a card and
 * deleting a comment fire nothing (plane-api.md §7).
 */
public final class SandboxPerson {

	/** The web app's names of the fields it edits, with the API serializer's names. */
	private static final Map<String, String> EDITABLE = Map.of("name", "name", "description_html", "description_html",
			"priority", "priority", "state_id", "state", "label_ids", "labels", "assignee_ids", "assignees",
			"parent_id", "parent", "start_date", "start_date", "target_date", "target_date");

	private final SandboxStore store;

	private final WorkItemShapes shapes;

	private final WorkItemFields fields;

	private final WebhookDispatcher dispatcher;

	private final User user;

	SandboxPerson(SandboxStore store, WorkItemShapes shapes, WebhookDispatcher dispatcher, User user) {
		this.store = store;
		this.shapes = shapes;
		this.fields = new WorkItemFields(store);
		this.dispatcher = dispatcher;
		this.user = user;
	}

	public UUID userId() {
		return this.user.id;
	}

	/**
	 * Creates a card; fires {@code issue created}.
	 * @param projectIdentifier for example {@code WEB}
	 * @param name the title
	 * @return the new card's id
	 */
	public UUID createWorkItem(String projectIdentifier, String name) {
		ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
		ModelActivity activity;
		UUID id;
		synchronized (this.store.lock) {
			Project project = this.store.projectByIdentifier(projectIdentifier)
				.orElseThrow(() -> new IllegalArgumentException("no such project"));
			requireRole(project, 15);
			Item item = new Item(project, this.store.nextOrder());
			apply(item, body);
			item.sequenceId = project.nextSequence++;
			item.state = (item.state != null) ? item.state : this.store.defaultState(project);
			item.createdBy = this.user.id;
			item.createdAt = OffsetDateTime.now();
			item.updatedAt = item.createdAt;
			this.store.syncCompletedAt(item);
			this.store.items.put(item.id, item);
			id = item.id;
			activity = ModelActivity.created("issue", id, body, this.user.id);
		}
		this.dispatcher.enqueue(List.of(activity));
		return id;
	}

	/**
	 * Edits a card's fields as the web app sends them: {@code name},
	 * {@code description_html}, {@code priority}, {@code state_id}, {@code label_ids},
	 * {@code assignee_ids}, {@code parent_id}, {@code start_date}, {@code target_date}.
	 * Fires one {@code issue updated} per field whose value changed.
	 * @param workItemId the card
	 * @param changes the fields and their new values (ids as strings)
	 */
	public void editWorkItem(UUID workItemId, Map<String, ?> changes) {
		editWorkItem(workItemId, (ObjectNode) Json.MAPPER.valueToTree(changes));
	}

	void editWorkItem(UUID workItemId, ObjectNode body) {
		for (String name : body.propertyNames()) {
			if (!EDITABLE.containsKey(name)) {
				throw new IllegalArgumentException("the web app does not edit " + name);
			}
		}
		ModelActivity activity;
		synchronized (this.store.lock) {
			Item item = liveItem(workItemId);
			requireRole(item.project, 15);
			ObjectNode before = this.shapes.issueForWebApp(item);
			Item draft = WorkItemFields.copyForValidation(item);
			apply(draft, body);
			apply(item, body);
			item.updatedBy = this.user.id;
			item.updatedAt = OffsetDateTime.now();
			this.store.syncCompletedAt(item);
			activity = new ModelActivity("issue", item.id, body, before, this.user.id);
		}
		this.dispatcher.enqueue(List.of(activity));
	}

	/**
	 * Moves a card to another state of its project; fires one {@code issue updated} for
	 * {@code state_id}.
	 * @param workItemId the card
	 * @param stateName the state's name, for example {@code Done}
	 */
	public void moveState(UUID workItemId, String stateName) {
		UUID stateId;
		synchronized (this.store.lock) {
			Item item = liveItem(workItemId);
			stateId = this.store.states.values()
				.stream()
				.filter((s) -> s.project == item.project && s.name.equals(stateName))
				.map((State s) -> s.id)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no such state"));
		}
		editWorkItem(workItemId, Json.MAPPER.createObjectNode().put("state_id", stateId.toString()));
	}

	/** Archives a card: it leaves the lists; no webhook fires. */
	public void archiveWorkItem(UUID workItemId) {
		synchronized (this.store.lock) {
			Item item = liveItem(workItemId);
			requireRole(item.project, 15);
			// The archive view saves the row, so updated_at moves too.
			item.archivedAt = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
			item.updatedAt = OffsetDateTime.now();
		}
	}

	/** Deletes a card (a creator or project admin may); no webhook fires. */
	public void deleteWorkItem(UUID workItemId) {
		synchronized (this.store.lock) {
			Item item = liveItem(workItemId);
			if (!this.user.id.equals(item.createdBy)) {
				requireRole(item.project, 20);
			}
			item.deletedAt = OffsetDateTime.now();
		}
	}

	/**
	 * Comments on a card; fires {@code issue_comment created}.
	 * @param workItemId the card
	 * @param html the comment as HTML
	 * @return the new comment's id
	 */
	public UUID addComment(UUID workItemId, String html) {
		Objects.requireNonNull(html, "html");
		ObjectNode body = Json.MAPPER.createObjectNode().put("comment_html", html);
		ModelActivity activity;
		UUID id;
		synchronized (this.store.lock) {
			Item item = liveItem(workItemId);
			requireRole(item.project, 5);
			Comment comment = this.store.addComment(item, this.user, html);
			id = comment.id;
			activity = ModelActivity.created("issue_comment", id, body, this.user.id);
		}
		this.dispatcher.enqueue(List.of(activity));
		return id;
	}

	/**
	 * Edits a comment (its author or a project admin may); fires
	 * {@code issue_comment updated} for {@code comment_html} when the text changed.
	 * @param commentId the comment
	 * @param html the new text
	 */
	public void editComment(UUID commentId, String html) {
		Objects.requireNonNull(html, "html");
		ObjectNode body = Json.MAPPER.createObjectNode().put("comment_html", html);
		ModelActivity activity;
		synchronized (this.store.lock) {
			Comment comment = liveComment(commentId);
			ObjectNode before = this.shapes.comment(comment, ZoneOffset.UTC, false);
			if (!html.equals(comment.commentHtml)) {
				comment.editedAt = OffsetDateTime.now();
			}
			comment.commentHtml = html;
			comment.updatedBy = this.user.id;
			comment.updatedAt = OffsetDateTime.now();
			activity = new ModelActivity("issue_comment", comment.id, body, before, this.user.id);
		}
		this.dispatcher.enqueue(List.of(activity));
	}

	/** Deletes a comment (its author or a project admin may); no webhook fires. */
	public void deleteComment(UUID commentId) {
		synchronized (this.store.lock) {
			liveComment(commentId).deletedAt = OffsetDateTime.now();
		}
	}

	// ----

	private void apply(Item item, ObjectNode webAppBody) {
		ObjectNode apiBody = Json.MAPPER.createObjectNode();
		webAppBody.properties().forEach((e) -> apiBody.set(EDITABLE.get(e.getKey()), e.getValue()));
		Map<String, Object> errors = new LinkedHashMap<>();
		this.fields.apply(item, apiBody, errors, this.user);
		if (item.name == null) {
			errors.put("name", List.of("This field is required."));
		}
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("Tasker refused the change: " + Json.MAPPER.writeValueAsString(errors));
		}
	}

	private Item liveItem(UUID workItemId) {
		Item item = this.store.items.get(Objects.requireNonNull(workItemId, "workItemId"));
		if (item == null || item.deletedAt != null) {
			throw new IllegalArgumentException("no such work item");
		}
		return item;
	}

	private Comment liveComment(UUID commentId) {
		Comment comment = this.store.comments.get(Objects.requireNonNull(commentId, "commentId"));
		if (comment == null || comment.deletedAt != null) {
			throw new IllegalArgumentException("no such comment");
		}
		if (!this.user.id.equals(comment.actor)) {
			requireRole(comment.item.project, 20);
		}
		return comment;
	}

	private void requireRole(Project project, int role) {
		Member member = project.member(this.user.id);
		if (member == null || !member.active || member.role < role) {
			throw new IllegalArgumentException("this person may not do that in " + project.identifier);
		}
	}

}
