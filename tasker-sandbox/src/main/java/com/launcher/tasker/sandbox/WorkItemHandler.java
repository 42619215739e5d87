package com.launcher.tasker.sandbox;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;
import com.launcher.tasker.sandbox.WorkItemShapes.Selection;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's work-item routes (R9, R9b, R10, R11, W1, W2 and delete), in either path family,
 * with their bodies (plane-api.md §4) and quirks.
 */
final class WorkItemHandler {

	private final SandboxStore store;

	private final WorkItemShapes shapes;

	private final WorkItemFields fields;

	WorkItemHandler(SandboxStore store, WorkItemShapes shapes) {
		this.store = store;
		this.shapes = shapes;
		this.fields = new WorkItemFields(store);
	}

	Response list(PlaneRoute route, Request request, User user) {
		Project project = project(route);
		Selection selection = Selection.of(request.query());
		String externalId = request.query().get("external_id");
		String externalSource = request.query().get("external_source");
		if (externalId != null && externalSource != null) {
			// plane-api.md R9b: one object, archived and draft included; many rows give a
			// 500.
			List<Item> found = this.store.itemsWithExternalRef(project, externalSource, externalId);
			if (found.isEmpty()) {
				throw PlaneError.notFound();
			}
			if (found.size() > 1) {
				throw PlaneError.serverError();
			}
			return Response.of(200, this.shapes.item(found.get(0), user.timezone, selection));
		}
		Comparator<Item> ordering = WorkItemOrdering.of(request.query().get("order_by"));
		// plane-api.md §9 item 5: no server-side filters; unknown params are ignored.
		List<Item> listed = this.store.items.values()
			.stream()
			.filter((i) -> i.project == project && i.isListed())
			.sorted(ordering)
			.toList();
		return OffsetPaginator.paginate(request, listed, (i) -> this.shapes.item(i, user.timezone, selection),
				listed.size(), this.store.maxPerPage);
	}

	Response get(PlaneRoute route, Request request, User user) {
		return Response.of(200, this.shapes.item(findListedItem(route), user.timezone, Selection.of(request.query())));
	}

	Response getByIdentifier(PlaneRoute route, Request request, User user) {
		String text = route.vars().get(1);
		int dash = text.lastIndexOf('-');
		Project project = this.store.projectByIdentifier(text.substring(0, dash)).orElseThrow(PlaneError::forbidden);
		long sequence;
		try {
			sequence = Long.parseLong(text.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			// plane-api.md R11: a non-numeric sequence is an unhandled error in Plane.
			throw PlaneError.serverError();
		}
		Selection selection = Selection.of(request.query());
		return this.store.items.values()
			.stream()
			.filter((i) -> i.project == project && i.sequenceId == sequence && i.isListed())
			.findFirst()
			.map((i) -> Response.of(200, this.shapes.item(i, user.timezone, selection)))
			.orElseThrow(PlaneError::notFound);
	}

	Response create(PlaneRoute route, Request request, User user) {
		Project project = project(route);
		ObjectNode body = RequestBodies.parseBody(request);
		Item item = new Item(project, this.store.nextOrder());
		item.name = null;
		Map<String, Object> errors = new LinkedHashMap<>();
		if (!body.has("name") || body.get("name").isNull()) {
			errors.put("name", List.of("This field is required."));
		}
		this.fields.apply(item, body, errors, user);
		if (!errors.isEmpty()) {
			throw PlaneError.fields(errors);
		}
		String externalId = Json.text(body.get("external_id"));
		String externalSource = Json.text(body.get("external_source"));
		if (RequestBodies.notEmpty(externalId) && RequestBodies.notEmpty(externalSource)) {
			List<Item> others = this.store.itemsWithExternalRef(project, externalSource, externalId);
			if (!others.isEmpty()) {
				throw PlaneError.conflict("Issue with the same external id and external source already exists",
						others.get(0).id);
			}
		}
		item.sequenceId = project.nextSequence++;
		if (item.state == null) {
			item.state = this.store.defaultState(project);
		}
		// plane-api.md §8: the POST view copies created_by and created_at from the body.
		item.createdBy = RequestBodies.uuidOr(body.get("created_by"), user.id);
		item.createdAt = RequestBodies.datetimeOr(body.get("created_at"), OffsetDateTime.now(), user.timezone);
		item.updatedAt = OffsetDateTime.now();
		this.store.syncCompletedAt(item);
		this.store.items.put(item.id, item);
		this.store.indexExternalRef(item);
		return Response.of(201, this.shapes.item(item, user.timezone))
			.with(ModelActivity.created("issue", item.id, body, user.id));
	}

	Response patch(PlaneRoute route, Request request, User user) {
		Item item = findAnyItem(route);
		ObjectNode body = RequestBodies.parseBody(request);
		Map<String, Object> errors = new LinkedHashMap<>();
		String oldExternalId = item.externalId;
		String oldExternalSource = item.externalSource;
		// plane-api.md §7: the row as serialized before the change, compared field by
		// field by the webhook worker.
		ObjectNode before = this.shapes.item(item, user.timezone);
		Item draft = WorkItemFields.copyForValidation(item);
		this.fields.apply(draft, body, errors, user);
		if (!errors.isEmpty()) {
			throw PlaneError.fields(errors);
		}
		if (RequestBodies.notEmpty(draft.externalId) && RequestBodies.notEmpty(draft.externalSource)
				&& (!draft.externalId.equals(oldExternalId) || !draft.externalSource.equals(oldExternalSource))) {
			for (Item other : this.store.itemsWithExternalRef(item.project, draft.externalSource, draft.externalId)) {
				if (other != item) {
					// plane-api.md W2-409: the id is the patched item's, not the
					// conflicting one.
					throw PlaneError.conflict("Issue with the same external id and external source already exists",
							item.id);
				}
			}
		}
		this.fields.apply(item, body, new LinkedHashMap<>(), user);
		this.store.indexExternalRef(item);
		if (body.has("created_by")) {
			item.createdBy = RequestBodies.uuidOr(body.get("created_by"), item.createdBy);
		}
		item.updatedBy = user.id;
		item.updatedAt = OffsetDateTime.now();
		this.store.syncCompletedAt(item);
		return Response.of(200, this.shapes.item(item, user.timezone))
			.with(new ModelActivity("issue", item.id, body, before, user.id));
	}

	Response delete(PlaneRoute route, User user) {
		Item item = findAnyItem(route);
		Member member = item.project.member(user.id);
		if (!item.createdBy.equals(user.id) && (member == null || member.role < 20)) {
			throw new PlaneError(403, Map.of("error", "Only admin or creator can delete the work item"));
		}
		item.deletedAt = OffsetDateTime.now();
		return Response.of(204, null);
	}

	private Project project(PlaneRoute route) {
		return this.store.projects.get(UUID.fromString(route.vars().get(1)));
	}

	private Item findListedItem(PlaneRoute route) {
		Item item = findAnyItem(route);
		if (!item.isListed()) {
			throw PlaneError.notFound();
		}
		return item;
	}

	private Item findAnyItem(PlaneRoute route) {
		Item item = this.store.items.get(UUID.fromString(route.vars().get(2)));
		if (item == null || item.project != project(route) || item.deletedAt != null) {
			throw PlaneError.notFound();
		}
		return item;
	}

}
