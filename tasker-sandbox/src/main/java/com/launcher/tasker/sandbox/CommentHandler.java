package com.launcher.tasker.sandbox;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;
import com.launcher.tasker.sandbox.WorkItemShapes.Selection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's comment routes of a work item (R13, R14, W3), with their bodies (plane-api.md
 * §4) and quirks.
 */
final class CommentHandler {

	private final SandboxStore store;

	private final WorkItemShapes shapes;

	CommentHandler(SandboxStore store, WorkItemShapes shapes) {
		this.store = store;
		this.shapes = shapes;
	}

	Response list(PlaneRoute route, Request request, User user) {
		UUID itemId = UUID.fromString(route.vars().get(2));
		// plane-api.md R13: an unknown work item gives 200 and an empty list. The view
		// orders by -created_at whatever order_by says (it reads the URL's kwargs).
		Selection selection = Selection.of(request.query());
		List<Comment> list = this.store.comments.values()
			.stream()
			.filter((c) -> c.item.id.equals(itemId) && c.item.project == project(route) && c.deletedAt == null)
			.sorted(Comparator.comparingLong((Comment c) -> c.order).reversed())
			.toList();
		return OffsetPaginator.paginate(request, list, (c) -> this.shapes.comment(c, user.timezone, selection),
				list.size(), this.store.maxPerPage);
	}

	Response create(PlaneRoute route, Request request, User user) {
		Project project = project(route);
		ObjectNode body = RequestBodies.parseBody(request);
		String externalId = Json.text(body.get("external_id"));
		String externalSource = Json.text(body.get("external_source"));
		if (RequestBodies.notEmpty(externalId) && RequestBodies.notEmpty(externalSource)) {
			// plane-api.md W3-409: checked project-wide, before body validation.
			for (Comment other : this.store.comments.values()) {
				if (other.item.project == project && other.deletedAt == null && externalId.equals(other.externalId)
						&& externalSource.equals(other.externalSource)) {
					throw PlaneError.conflict(
							"Work item comment with the same external id and external source already exists", other.id);
				}
			}
		}
		Item item = this.store.items.get(UUID.fromString(route.vars().get(2)));
		if (item == null || item.project != project || item.deletedAt != null) {
			throw new PlaneError(400, Map.of("error", "The payload is not valid"));
		}
		JsonNode html = body.get("comment_html");
		if (html != null && !html.isNull() && !html.isString()) {
			throw PlaneError.fields(Map.of("comment_html", List.of("Not a valid string.")));
		}
		Comment comment = new Comment(item, this.store.nextOrder());
		// plane-api.md W3: comment HTML is stored unsanitised.
		comment.commentHtml = (html != null && html.isString()) ? html.stringValue() : "<p></p>";
		String access = Json.text(body.get("access"));
		if (access != null) {
			if (!access.equals("INTERNAL") && !access.equals("EXTERNAL")) {
				throw PlaneError.fields(Map.of("access", List.of("\"" + access + "\" is not a valid choice.")));
			}
			comment.access = access;
		}
		comment.externalId = externalId;
		comment.externalSource = externalSource;
		comment.actor = user.id;
		comment.createdBy = RequestBodies.uuidOr(body.get("created_by"), user.id);
		comment.createdAt = OffsetDateTime.now();
		comment.updatedAt = comment.createdAt;
		this.store.comments.put(comment.id, comment);
		return Response.of(201, this.shapes.comment(comment, user.timezone, false))
			.with(ModelActivity.created("issue_comment", comment.id, body, user.id));
	}

	Response get(PlaneRoute route, Request request, User user) {
		return Response.of(200, this.shapes.comment(findComment(route), user.timezone, Selection.of(request.query())));
	}

	private Project project(PlaneRoute route) {
		return this.store.projects.get(UUID.fromString(route.vars().get(1)));
	}

	private Comment findComment(PlaneRoute route) {
		Comment comment = this.store.comments.get(UUID.fromString(route.vars().get(3)));
		if (comment == null || !comment.item.id.toString().equals(route.vars().get(2)) || comment.deletedAt != null) {
			throw PlaneError.notFound();
		}
		return comment;
	}

}
