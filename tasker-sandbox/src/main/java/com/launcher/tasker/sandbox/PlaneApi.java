package com.launcher.tasker.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Label;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's /api/v1 as the sandbox serves it: routing, authentication, permission checks
 * before lookups, throttling, and the handlers with Plane's bodies and quirks.
 */
final class PlaneApi {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Set<String> PRIORITIES = Set.of("urgent", "high", "medium", "low", "none");

	private static final int MAX_PER_PAGE = 1000;

	private final SandboxStore store;

	private final SlidingWindowRateLimiter rateLimiter;

	private final SandboxOptions.PathFamilies families;

	PlaneApi(SandboxStore store, SlidingWindowRateLimiter rateLimiter, SandboxOptions.PathFamilies families) {
		this.store = store;
		this.rateLimiter = rateLimiter;
		this.families = families;
	}

	record Request(String method, String path, Map<String, String> query, String body, String apiKey,
			String contentType) {
	}

	record Response(int status, Object body, Map<String, String> headers) {

		static Response of(int status, Object body) {
			return new Response(status, body, new LinkedHashMap<>());
		}

	}

	/** A matched route: its kind, path variables and allowed methods. */
	private record Route(Kind kind, List<String> vars, Set<String> methods) {
	}

	private enum Kind {

		ME, PROJECTS, PROJECT, PROJECT_MEMBERS, WORKSPACE_MEMBERS, STATES, LABELS, ITEMS, ITEM, ITEM_BY_IDENTIFIER,
		COMMENTS, COMMENT

	}

	boolean routeExists(String path) {
		return match(path) != null;
	}

	Response handle(Request request) {
		Route route = match(request.path());
		if (route == null) {
			if (!request.path().endsWith("/") && match(request.path() + "/") != null) {
				// plane-api.md §2: Django's APPEND_SLASH answers 301 to the slashed URL.
				Response redirect = Response.of(301, null);
				String query = request.query().isEmpty() ? "" : "?" + TaskerSandbox.encodeQuery(request.query());
				redirect.headers().put("Location", request.path() + "/" + query);
				return redirect;
			}
			return error(PlaneError.pageNotFound());
		}
		if (request.apiKey() == null || request.apiKey().isEmpty()) {
			return error(PlaneError.detail(401, "Authentication credentials were not provided."));
		}
		User user;
		synchronized (this.store.lock) {
			java.util.UUID userId = this.store.apiKeys.get(request.apiKey());
			user = (userId != null) ? this.store.users.get(userId) : null;
		}
		if (user == null) {
			// plane-api.md §6: an invalid key is a 403, not a 401.
			return error(PlaneError.detail(403, "Given API token is not valid"));
		}
		try {
			synchronized (this.store.lock) {
				checkPermission(route, request, user);
			}
		}
		catch (PlaneError ex) {
			return error(ex);
		}
		// plane-api.md §1: throttling runs after authentication and permission checks.
		SlidingWindowRateLimiter.Decision decision = this.rateLimiter.acquire(request.apiKey());
		if (!decision.allowed()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error_code", 5900);
			body.put("error_message", "RATE_LIMIT_EXCEEDED");
			Response response = Response.of(429, body);
			response.headers().put("Retry-After", Long.toString(decision.retryAfterSeconds()));
			return response;
		}
		Response response;
		try {
			if (!route.methods().contains(request.method())) {
				throw PlaneError.detail(405, "Method \"" + request.method() + "\" not allowed.");
			}
			synchronized (this.store.lock) {
				response = dispatch(route, request, user);
			}
		}
		catch (PlaneError ex) {
			response = error(ex);
		}
		response.headers().put("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
		response.headers().put("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
		return response;
	}

	private static Response error(PlaneError error) {
		return Response.of(error.status(), error.body());
	}

	private Route match(String path) {
		if (!path.startsWith("/api/v1/") || !path.endsWith("/")) {
			return null;
		}
		String[] s = path.substring("/api/v1/".length(), path.length() - 1).split("/", -1);
		int n = s.length;
		if (n == 2 && s[0].equals("users") && s[1].equals("me")) {
			return new Route(Kind.ME, List.of(), Set.of("GET"));
		}
		if (n < 3 || !s[0].equals("workspaces") || s[1].isEmpty()) {
			return null;
		}
		String slug = s[1];
		if (n == 3 && s[2].equals("members")) {
			return new Route(Kind.WORKSPACE_MEMBERS, List.of(slug), Set.of("GET"));
		}
		if (n == 4 && isFamily(s[2]) && !s[3].isEmpty() && !s[3].equals("search")) {
			return new Route(Kind.ITEM_BY_IDENTIFIER, List.of(slug, s[3]), Set.of("GET"));
		}
		if (!s[2].equals("projects")) {
			return null;
		}
		if (n == 3) {
			return new Route(Kind.PROJECTS, List.of(slug), Set.of("GET", "POST"));
		}
		if (!isUuid(s[3])) {
			return null;
		}
		String project = s[3];
		if (n == 4) {
			return new Route(Kind.PROJECT, List.of(slug, project), Set.of("GET", "PATCH", "DELETE"));
		}
		if (n == 5 && (s[4].equals("members") || s[4].equals("project-members"))) {
			return new Route(Kind.PROJECT_MEMBERS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (n == 5 && s[4].equals("states")) {
			return new Route(Kind.STATES, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (n == 5 && s[4].equals("labels")) {
			return new Route(Kind.LABELS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (!isFamily(s[4])) {
			return null;
		}
		if (n == 5) {
			return new Route(Kind.ITEMS, List.of(slug, project), Set.of("GET", "POST"));
		}
		if (!isUuid(s[5])) {
			return null;
		}
		if (n == 6) {
			return new Route(Kind.ITEM, List.of(slug, project, s[5]), Set.of("GET", "PATCH", "DELETE"));
		}
		if (n == 7 && s[6].equals("comments")) {
			return new Route(Kind.COMMENTS, List.of(slug, project, s[5]), Set.of("GET", "POST"));
		}
		if (n == 8 && s[6].equals("comments") && isUuid(s[7])) {
			return new Route(Kind.COMMENT, List.of(slug, project, s[5], s[7]), Set.of("GET", "PATCH", "DELETE"));
		}
		return null;
	}

	private boolean isFamily(String segment) {
		return segment.equals("issues")
				|| (segment.equals("work-items") && this.families == SandboxOptions.PathFamilies.BOTH);
	}

	private static boolean isUuid(String text) {
		return UUID_TEXT.matcher(text).matches();
	}

	// ---- permissions (plane-api.md §6: checks run before lookups, so unknown ids are
	// 403)

	private void checkPermission(Route route, Request request, User user) {
		boolean safe = request.method().equals("GET");
		switch (route.kind()) {
			case ME -> {
			}
			case PROJECTS, PROJECT, WORKSPACE_MEMBERS -> requireWorkspaceMember(route, user);
			case PROJECT_MEMBERS, LABELS -> {
				requireWorkspaceMember(route, user);
				if (safe) {
					// R4 and R8 use a loose check: active member of any project in the
					// workspace.
					if (!this.store.isActiveMemberOfAnyProject(user.id)) {
						throw PlaneError.forbidden();
					}
				}
				else {
					requireProjectRole(route, user, 20);
				}
			}
			case STATES -> requireProjectRole(route, user, safe ? 5 : 20);
			case ITEMS, ITEM -> requireProjectRole(route, user, safe ? 5 : 15);
			case COMMENTS, COMMENT -> requireProjectRole(route, user, 5);
			case ITEM_BY_IDENTIFIER -> {
				requireWorkspaceMember(route, user);
				String text = route.vars().get(1);
				int dash = text.lastIndexOf('-');
				String identifier = (dash > 0) ? text.substring(0, dash) : text;
				Project project = this.store.projectByIdentifier(identifier).orElseThrow(PlaneError::forbidden);
				if (!project.isActiveMember(user.id)) {
					throw PlaneError.forbidden();
				}
			}
		}
	}

	private void requireWorkspaceMember(Route route, User user) {
		if (!route.vars().get(0).equals(SandboxStore.WORKSPACE) || !this.store.workspaceRoles.containsKey(user.id)) {
			throw PlaneError.forbidden();
		}
	}

	private void requireProjectRole(Route route, User user, int minimumRole) {
		requireWorkspaceMember(route, user);
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		Member member = (project != null) ? project.member(user.id) : null;
		if (member == null || !member.active || member.role < minimumRole) {
			throw PlaneError.forbidden();
		}
	}

	// ---- handlers

	private Response dispatch(Route route, Request request, User user) {
		String method = request.method();
		return switch (route.kind()) {
			case ME -> Response.of(200, userLite(user));
			case PROJECTS -> method.equals("GET") ? listProjects(request, user) : notImplemented();
			case PROJECT -> method.equals("GET") ? getProject(route, request, user) : notImplemented();
			case PROJECT_MEMBERS -> method.equals("GET") ? listProjectMembers(route) : notImplemented();
			case WORKSPACE_MEMBERS -> listWorkspaceMembers(user);
			case STATES -> method.equals("GET") ? listStates(route, request, user) : notImplemented();
			case LABELS -> method.equals("GET") ? listLabels(route, request, user) : notImplemented();
			case ITEMS -> method.equals("GET") ? listItems(route, request, user) : createItem(route, request, user);
			case ITEM -> switch (method) {
				case "GET" -> Response.of(200, renderItem(findListedItem(route), user));
				case "PATCH" -> patchItem(route, request, user);
				default -> deleteItem(route, user);
			};
			case ITEM_BY_IDENTIFIER -> getByIdentifier(route, user);
			case COMMENTS ->
				method.equals("GET") ? listComments(route, request, user) : createComment(route, request, user);
			case COMMENT -> method.equals("GET") ? Response.of(200, renderComment(findComment(route), user, true))
					: notImplemented();
		};
	}

	private static Response notImplemented() {
		// Routed in Plane but outside what the gateway may call (plane-api.md §3.3).
		throw PlaneError.forbidden();
	}

	private Response listProjects(Request request, User user) {
		List<Project> visible = new ArrayList<>();
		for (Project project : this.store.projects.values()) {
			if (project.isActiveMember(user.id) || project.network == 2) {
				visible.add(project);
			}
		}
		return paginate(request, visible, (p) -> renderProject(p, user), visible.size());
	}

	private Response getProject(Route route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project == null || !(project.isActiveMember(user.id) || project.network == 2)) {
			throw PlaneError.notFound();
		}
		return Response.of(200, renderProject(project, user));
	}

	private Response listProjectMembers(Route route) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project != null) {
			// plane-api.md R4: removed (inactive) members are listed too, without a role.
			for (Member member : project.members) {
				array.add(userLite(member.user));
			}
		}
		return Response.of(200, array);
	}

	private Response listWorkspaceMembers(User user) {
		if (this.store.workspaceRoles.getOrDefault(user.id, 0) < 15) {
			throw PlaneError.forbidden();
		}
		ArrayNode array = Json.MAPPER.createArrayNode();
		this.store.workspaceRoles.forEach((id, role) -> {
			ObjectNode node = userLite(this.store.users.get(id));
			node.put("role", role);
			array.add(node);
		});
		return Response.of(200, array);
	}

	private Response listStates(Route route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<State> states = this.store.states.values().stream().filter((s) -> s.project == project).toList();
		return paginate(request, states, (s) -> renderState(s, user), states.size());
	}

	private Response listLabels(Route route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<Label> labels = (project != null && project.isActiveMember(user.id))
				? this.store.labels.values().stream().filter((l) -> l.project == project).toList() : List.of();
		return paginate(request, labels, (l) -> renderLabel(l, user), labels.size());
	}

	private Response listItems(Route route, Request request, User user) {
		Project project = project(route);
		String externalId = request.query().get("external_id");
		String externalSource = request.query().get("external_source");
		if (externalId != null && externalSource != null) {
			// plane-api.md R9b: one object, archived and draft included; many rows give a
			// 500.
			List<Item> found = this.store.items.values()
				.stream()
				.filter((i) -> i.project == project && i.deletedAt == null && externalId.equals(i.externalId)
						&& externalSource.equals(i.externalSource))
				.toList();
			if (found.isEmpty()) {
				throw PlaneError.notFound();
			}
			if (found.size() > 1) {
				throw PlaneError.serverError();
			}
			return Response.of(200, renderItem(found.get(0), user));
		}
		// plane-api.md §9 item 5: no server-side filters; unknown params are ignored.
		List<Item> listed = this.store.items.values()
			.stream()
			.filter((i) -> i.project == project && i.isListed())
			.sorted(Comparator.comparingLong((Item i) -> i.order).reversed())
			.toList();
		return paginate(request, listed, (i) -> renderItem(i, user), listed.size());
	}

	private Response getByIdentifier(Route route, User user) {
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
		return this.store.items.values()
			.stream()
			.filter((i) -> i.project == project && i.sequenceId == sequence && i.isListed())
			.findFirst()
			.map((i) -> Response.of(200, renderItem(i, user)))
			.orElseThrow(PlaneError::notFound);
	}

	private Response createItem(Route route, Request request, User user) {
		Project project = project(route);
		ObjectNode body = parseBody(request);
		Item item = new Item(project, this.store.nextOrder());
		item.name = null;
		Map<String, Object> errors = new LinkedHashMap<>();
		if (!body.has("name") || body.get("name").isNull()) {
			errors.put("name", List.of("This field is required."));
		}
		applyFields(item, body, errors, user);
		if (!errors.isEmpty()) {
			throw PlaneError.fields(errors);
		}
		String externalId = Json.text(body.get("external_id"));
		String externalSource = Json.text(body.get("external_source"));
		if (notEmpty(externalId) && notEmpty(externalSource)) {
			for (Item other : this.store.items.values()) {
				if (other.project == project && other.deletedAt == null && externalId.equals(other.externalId)
						&& externalSource.equals(other.externalSource)) {
					throw conflict("Issue with the same external id and external source already exists", other.id);
				}
			}
		}
		item.sequenceId = project.nextSequence++;
		if (item.state == null) {
			item.state = this.store.defaultState(project);
		}
		// plane-api.md §8: the POST view copies created_by and created_at from the body.
		item.createdBy = uuidOr(body.get("created_by"), user.id);
		item.createdAt = datetimeOr(body.get("created_at"), OffsetDateTime.now(), user.timezone);
		item.updatedAt = OffsetDateTime.now();
		this.store.syncCompletedAt(item);
		this.store.items.put(item.id, item);
		return Response.of(201, renderItem(item, user));
	}

	private Response patchItem(Route route, Request request, User user) {
		Item item = findAnyItem(route);
		ObjectNode body = parseBody(request);
		Map<String, Object> errors = new LinkedHashMap<>();
		String oldExternalId = item.externalId;
		String oldExternalSource = item.externalSource;
		Item draft = copyForValidation(item);
		applyFields(draft, body, errors, user);
		if (!errors.isEmpty()) {
			throw PlaneError.fields(errors);
		}
		if (notEmpty(draft.externalId) && notEmpty(draft.externalSource)
				&& (!draft.externalId.equals(oldExternalId) || !draft.externalSource.equals(oldExternalSource))) {
			for (Item other : this.store.items.values()) {
				if (other != item && other.project == item.project && other.deletedAt == null
						&& draft.externalId.equals(other.externalId)
						&& draft.externalSource.equals(other.externalSource)) {
					// plane-api.md W2-409: the id is the patched item's, not the
					// conflicting one.
					throw conflict("Issue with the same external id and external source already exists", item.id);
				}
			}
		}
		applyFields(item, body, new LinkedHashMap<>(), user);
		if (body.has("created_by")) {
			item.createdBy = uuidOr(body.get("created_by"), item.createdBy);
		}
		item.updatedBy = user.id;
		item.updatedAt = OffsetDateTime.now();
		this.store.syncCompletedAt(item);
		return Response.of(200, renderItem(item, user));
	}

	private Response deleteItem(Route route, User user) {
		Item item = findAnyItem(route);
		Member member = item.project.member(user.id);
		if (!item.createdBy.equals(user.id) && (member == null || member.role < 20)) {
			throw new PlaneError(403, Map.of("error", "Only admin or creator can delete the work item"));
		}
		item.deletedAt = OffsetDateTime.now();
		return Response.of(204, null);
	}

	private Response listComments(Route route, Request request, User user) {
		UUID itemId = UUID.fromString(route.vars().get(2));
		// plane-api.md R13: an unknown work item gives 200 and an empty list.
		List<Comment> list = this.store.comments.values()
			.stream()
			.filter((c) -> c.item.id.equals(itemId) && c.item.project == project(route) && c.deletedAt == null)
			.sorted(Comparator.comparingLong((Comment c) -> c.order).reversed())
			.toList();
		return paginate(request, list, (c) -> renderComment(c, user, true), list.size());
	}

	private Response createComment(Route route, Request request, User user) {
		Project project = project(route);
		ObjectNode body = parseBody(request);
		String externalId = Json.text(body.get("external_id"));
		String externalSource = Json.text(body.get("external_source"));
		if (notEmpty(externalId) && notEmpty(externalSource)) {
			// plane-api.md W3-409: checked project-wide, before body validation.
			for (Comment other : this.store.comments.values()) {
				if (other.item.project == project && other.deletedAt == null && externalId.equals(other.externalId)
						&& externalSource.equals(other.externalSource)) {
					throw conflict("Work item comment with the same external id and external source already exists",
							other.id);
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
		comment.createdBy = uuidOr(body.get("created_by"), user.id);
		comment.createdAt = OffsetDateTime.now();
		comment.updatedAt = comment.createdAt;
		this.store.comments.put(comment.id, comment);
		return Response.of(201, renderComment(comment, user, false));
	}

	// ---- shared pieces

	private Project project(Route route) {
		return this.store.projects.get(UUID.fromString(route.vars().get(1)));
	}

	private Item findListedItem(Route route) {
		Item item = findAnyItem(route);
		if (!item.isListed()) {
			throw PlaneError.notFound();
		}
		return item;
	}

	private Item findAnyItem(Route route) {
		Item item = this.store.items.get(UUID.fromString(route.vars().get(2)));
		if (item == null || item.project != project(route) || item.deletedAt != null) {
			throw PlaneError.notFound();
		}
		return item;
	}

	private Comment findComment(Route route) {
		Comment comment = this.store.comments.get(UUID.fromString(route.vars().get(3)));
		if (comment == null || !comment.item.id.toString().equals(route.vars().get(2)) || comment.deletedAt != null) {
			throw PlaneError.notFound();
		}
		return comment;
	}

	private static PlaneError conflict(String message, UUID id) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", message);
		body.put("id", id.toString());
		return new PlaneError(409, body);
	}

	private static ObjectNode parseBody(Request request) {
		String contentType = (request.contentType() != null) ? request.contentType() : "";
		if (!contentType.isEmpty() && !contentType.startsWith("application/json")) {
			throw PlaneError.detail(415, "Unsupported media type \"" + contentType + "\" in request.");
		}
		if (request.body().isBlank()) {
			return Json.MAPPER.createObjectNode();
		}
		try {
			JsonNode node = Json.MAPPER.readTree(request.body());
			if (!(node instanceof ObjectNode object)) {
				throw new PlaneError(400,
						Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")));
			}
			return object;
		}
		catch (JacksonException ex) {
			throw PlaneError.detail(400, "JSON parse error - Expecting value: line 1 column 1 (char 0)");
		}
	}

	private static Item copyForValidation(Item item) {
		Item copy = new Item(item.project, item.order);
		copy.name = item.name;
		copy.state = item.state;
		copy.startDate = item.startDate;
		copy.targetDate = item.targetDate;
		copy.externalId = item.externalId;
		copy.externalSource = item.externalSource;
		return copy;
	}

	/**
	 * Applies the serializer's writable fields, including the dangerous ones Plane
	 * accepts (plane-api.md §3.3), so tests can prove a client never sends them. Unknown
	 * keys are ignored.
	 */
	private void applyFields(Item item, ObjectNode body, Map<String, Object> errors, User user) {
		Project project = item.project;
		if (body.has("name")) {
			JsonNode name = body.get("name");
			if (name.isNull() || !name.isString() || name.stringValue().isBlank()) {
				errors.put("name",
						List.of(name.isNull() ? "This field may not be null." : "This field may not be blank."));
			}
			else if (name.stringValue().length() > 255) {
				errors.put("name", List.of("Ensure this field has no more than 255 characters."));
			}
			else {
				item.name = name.stringValue();
			}
		}
		if (body.has("description_html")) {
			String html = Json.text(body.get("description_html"));
			item.descriptionHtml = (html != null) ? html : "<p></p>";
		}
		if (body.has("priority")) {
			String priority = Json.text(body.get("priority"));
			if (priority == null || !PRIORITIES.contains(priority)) {
				errors.put("priority", List.of("\"" + body.get("priority").asString("") + "\" is not a valid choice."));
			}
			else {
				item.priority = priority;
			}
		}
		if (body.has("state")) {
			String text = Json.text(body.get("state"));
			State state = (text != null && isUuid(text)) ? this.store.states.get(UUID.fromString(text)) : null;
			if (state == null) {
				errors.put("state", List.of("Invalid pk \"" + text + "\" - object does not exist."));
			}
			else if (state.project != project) {
				errors.put("non_field_errors", List.of("State is not valid please pass a valid state_id"));
			}
			else {
				item.state = state;
			}
		}
		if (body.has("parent")) {
			JsonNode parent = body.get("parent");
			if (parent.isNull()) {
				item.parent = null;
			}
			else {
				String text = Json.text(parent);
				Item found = (text != null && isUuid(text)) ? this.store.items.get(UUID.fromString(text)) : null;
				if (found == null || found.deletedAt != null) {
					errors.put("parent", List.of("Invalid pk \"" + text + "\" - object does not exist."));
				}
				else if (found.project != project) {
					errors.put("non_field_errors",
							List.of("Parent is not valid issue_id please pass a valid issue_id"));
				}
				else {
					item.parent = found.id;
				}
			}
		}
		if (body.has("assignees")) {
			List<UUID> ids = uuidList(body.get("assignees"), "assignees", errors,
					(id) -> this.store.users.containsKey(id));
			if (ids != null) {
				// plane-api.md §3.1: only active members with role >= 15 are kept; others
				// vanish silently.
				item.assignees = new ArrayList<>(ids.stream().filter((id) -> {
					Member member = project.member(id);
					return member != null && member.active && member.role >= 15;
				}).distinct().toList());
			}
		}
		if (body.has("labels")) {
			List<UUID> ids = uuidList(body.get("labels"), "labels", errors, (id) -> this.store.labels.containsKey(id));
			if (ids != null) {
				item.labels = new ArrayList<>(
						ids.stream().filter((id) -> this.store.labels.get(id).project == project).distinct().toList());
			}
		}
		item.startDate = dateField(body, "start_date", item.startDate, errors);
		item.targetDate = dateField(body, "target_date", item.targetDate, errors);
		if (item.startDate != null && item.targetDate != null && item.startDate.isAfter(item.targetDate)) {
			errors.put("non_field_errors", List.of("Start date cannot exceed target date"));
		}
		if (body.has("external_id")) {
			item.externalId = Json.text(body.get("external_id"));
		}
		if (body.has("external_source")) {
			item.externalSource = Json.text(body.get("external_source"));
		}
		if (body.has("archived_at")) {
			String text = Json.text(body.get("archived_at"));
			// archived_at is a date field in Plane; any non-null value archives the item.
			item.archivedAt = (text == null) ? null
					: datetimeOr(body.get("archived_at"), OffsetDateTime.now(), user.timezone);
		}
		if (body.has("deleted_at")) {
			String text = Json.text(body.get("deleted_at"));
			item.deletedAt = (text == null) ? null
					: datetimeOr(body.get("deleted_at"), OffsetDateTime.now(), user.timezone);
		}
		if (body.has("is_draft")) {
			item.isDraft = body.get("is_draft").asBoolean(false);
		}
		if (body.has("sequence_id") && body.get("sequence_id").isIntegralNumber()) {
			item.sequenceId = body.get("sequence_id").longValue();
		}
		if (body.has("sort_order") && body.get("sort_order").isNumber()) {
			item.sortOrder = body.get("sort_order").doubleValue();
		}
	}

	private static List<UUID> uuidList(JsonNode node, String field, Map<String, Object> errors,
			Function<UUID, Boolean> exists) {
		if (!node.isArray()) {
			errors.put(field, List.of("Expected a list of items but got type \"" + node.getNodeType() + "\"."));
			return null;
		}
		List<UUID> ids = new ArrayList<>();
		Map<String, Object> itemErrors = new LinkedHashMap<>();
		int index = 0;
		for (JsonNode element : node.values()) {
			String text = Json.text(element);
			if (text == null || !isUuid(text) || !exists.apply(UUID.fromString(text))) {
				itemErrors.put(Integer.toString(index),
						List.of("Invalid pk \"" + text + "\" - object does not exist."));
			}
			else {
				ids.add(UUID.fromString(text));
			}
			index++;
		}
		if (!itemErrors.isEmpty()) {
			errors.put(field, itemErrors);
			return null;
		}
		return ids;
	}

	private static LocalDate dateField(ObjectNode body, String field, LocalDate current, Map<String, Object> errors) {
		if (!body.has(field)) {
			return current;
		}
		JsonNode node = body.get(field);
		if (node.isNull()) {
			return null;
		}
		try {
			return LocalDate.parse(node.asString(""));
		}
		catch (DateTimeParseException ex) {
			errors.put(field, List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
			return current;
		}
	}

	private static UUID uuidOr(JsonNode node, UUID fallback) {
		String text = Json.text(node);
		return (text != null && isUuid(text)) ? UUID.fromString(text) : fallback;
	}

	private static OffsetDateTime datetimeOr(JsonNode node, OffsetDateTime fallback, ZoneId zone) {
		String text = Json.text(node);
		if (text == null) {
			return fallback;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				// Plane reads a datetime without offset in the token user's timezone
				// (plane-api.md §2).
				return java.time.LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException ignored) {
				return fallback;
			}
		}
	}

	private static boolean notEmpty(String text) {
		return text != null && !text.isEmpty();
	}

	/**
	 * Plane's offset paginator (plane-api.md §2.1): offset = page × this request's
	 * per_page, cursors always present.
	 */
	private static <T> Response paginate(Request request, List<T> rows, Function<T, JsonNode> render, long total) {
		int perPage = MAX_PER_PAGE;
		String perPageText = request.query().get("per_page");
		if (perPageText != null) {
			try {
				perPage = Integer.parseInt(perPageText);
			}
			catch (NumberFormatException ex) {
				throw PlaneError.detail(400, "Invalid per_page parameter.");
			}
			if (perPage > MAX_PER_PAGE) {
				throw PlaneError.detail(400, "Invalid per_page value. Cannot exceed 1000.");
			}
			if (perPage < 1) {
				throw PlaneError.detail(400, "Invalid per_page parameter.");
			}
		}
		long page = 0;
		String cursor = request.query().get("cursor");
		if (cursor != null) {
			Matcher matcher = Pattern.compile("(-?\\d+):(-?\\d+):(-?\\d+)").matcher(cursor);
			if (!matcher.matches()) {
				throw PlaneError.detail(400, "Invalid cursor parameter.");
			}
			page = Long.parseLong(matcher.group(2));
			if (page < 0) {
				throw PlaneError.detail(400, "Error in parsing");
			}
		}
		long offset = page * perPage;
		List<T> slice = (offset >= rows.size()) ? List.of()
				: rows.subList((int) offset, (int) Math.min(rows.size(), offset + perPage));
		ObjectNode envelope = Json.MAPPER.createObjectNode();
		envelope.putNull("grouped_by");
		envelope.putNull("sub_grouped_by");
		envelope.put("total_count", total);
		envelope.put("next_cursor", perPage + ":" + (page + 1) + ":0");
		envelope.put("prev_cursor", perPage + ":" + (page - 1) + ":1");
		envelope.put("next_page_results", offset + perPage < rows.size());
		envelope.put("prev_page_results", page > 0);
		envelope.put("count", slice.size());
		envelope.put("total_pages", (total + perPage - 1) / perPage);
		envelope.put("total_results", total);
		envelope.putNull("extra_stats");
		ArrayNode results = envelope.putArray("results");
		slice.forEach((row) -> results.add(render.apply(row)));
		return Response.of(200, envelope);
	}

	// ---- rendering (plane-api.md §4)

	private static ObjectNode userLite(User user) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", user.id.toString());
		node.put("first_name", user.firstName);
		node.put("last_name", user.lastName);
		node.put("email", user.email);
		node.putNull("avatar");
		node.putNull("avatar_url");
		node.put("display_name", user.displayName);
		return node;
	}

	private ObjectNode renderProject(Project project, User caller) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", project.id.toString());
		node.put("created_at", Json.datetime(project.createdAt, caller.timezone));
		node.put("updated_at", Json.datetime(project.createdAt, caller.timezone));
		node.putNull("deleted_at");
		node.put("name", project.name);
		node.put("description", "");
		node.put("network", project.network);
		node.put("identifier", project.identifier);
		node.put("archived_at", Json.datetime(project.archivedAt, caller.timezone));
		node.put("timezone", "UTC");
		node.put("workspace", this.store.workspaceId.toString());
		node.put("total_members", project.members.stream().filter((m) -> m.active).count());
		Member member = project.member(caller.id);
		boolean isMember = member != null && member.active;
		node.put("is_member", isMember);
		if (isMember) {
			node.put("member_role", member.role);
		}
		else {
			node.putNull("member_role");
		}
		return node;
	}

	private ObjectNode renderState(State state, User caller) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", state.id.toString());
		node.put("name", state.name);
		node.put("description", "");
		node.put("color", state.color);
		node.put("slug", state.name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
		node.put("sequence", state.sequence);
		node.put("group", state.group);
		node.put("is_triage", false);
		node.put("default", state.isDefault);
		node.putNull("external_source");
		node.putNull("external_id");
		node.put("project", state.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		return node;
	}

	private ObjectNode renderLabel(Label label, User caller) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", label.id.toString());
		node.put("name", label.name);
		node.put("description", "");
		node.put("color", label.color);
		node.put("project", label.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.putNull("parent");
		return node;
	}

	private ObjectNode renderItem(Item item, User caller) {
		ZoneId zone = caller.timezone;
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", item.id.toString());
		node.put("created_at", Json.datetime(item.createdAt, zone));
		node.put("updated_at", Json.datetime(item.updatedAt, zone));
		node.put("deleted_at", Json.datetime(item.deletedAt, zone));
		node.put("created_by", (item.createdBy != null) ? item.createdBy.toString() : null);
		node.put("updated_by", (item.updatedBy != null) ? item.updatedBy.toString() : null);
		node.put("project", item.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.put("parent", (item.parent != null) ? item.parent.toString() : null);
		node.put("state", (item.state != null) ? item.state.id.toString() : null);
		node.putNull("point");
		node.putNull("estimate_point");
		node.put("name", item.name);
		node.put("description_html", item.descriptionHtml);
		node.putNull("description_binary");
		node.put("priority", item.priority);
		node.put("start_date", (item.startDate != null) ? item.startDate.toString() : null);
		node.put("target_date", (item.targetDate != null) ? item.targetDate.toString() : null);
		node.put("sequence_id", item.sequenceId);
		node.put("sort_order", item.sortOrder);
		node.put("completed_at", Json.datetime(item.completedAt, zone));
		node.put("archived_at", (item.archivedAt != null) ? item.archivedAt.toLocalDate().toString() : null);
		node.put("is_draft", item.isDraft);
		node.put("external_source", item.externalSource);
		node.put("external_id", item.externalId);
		node.putNull("type");
		node.putNull("type_id");
		ArrayNode assignees = node.putArray("assignees");
		item.assignees.forEach((id) -> assignees.add(id.toString()));
		ArrayNode labels = node.putArray("labels");
		item.labels.forEach((id) -> labels.add(id.toString()));
		return node;
	}

	private ObjectNode renderComment(Comment comment, User caller, boolean withIsMember) {
		ZoneId zone = caller.timezone;
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", comment.id.toString());
		if (withIsMember) {
			node.put("is_member", comment.item.project.isActiveMember(comment.actor));
		}
		node.put("created_at", Json.datetime(comment.createdAt, zone));
		node.put("updated_at", Json.datetime(comment.updatedAt, zone));
		node.putNull("deleted_at");
		node.put("comment_html", comment.commentHtml);
		node.putArray("attachments");
		node.put("access", comment.access);
		node.put("external_source", comment.externalSource);
		node.put("external_id", comment.externalId);
		node.putNull("edited_at");
		node.put("created_by", (comment.createdBy != null) ? comment.createdBy.toString() : null);
		node.put("updated_by", (comment.updatedBy != null) ? comment.updatedBy.toString() : null);
		node.put("project", comment.item.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.put("issue", comment.item.id.toString());
		node.put("actor", comment.actor.toString());
		node.putNull("description");
		node.putNull("parent");
		return node;
	}

}
