package com.launcher.tasker.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.tasker.sandbox.SandboxModel.User;

/**
 * Plane's /api/v1 as the sandbox serves it: routing ({@link PlaneRouter}),
 * authentication, permission checks before lookups ({@link PlanePermissions}),
 * throttling, then one handler per resource family with Plane's bodies and quirks
 * ({@link ProjectHandler}, {@link StateLabelHandler}, {@link WorkItemHandler},
 * {@link CommentHandler}).
 */
final class PlaneApi {

	private final SandboxStore store;

	private final SlidingWindowRateLimiter rateLimiter;

	private final PlaneRouter router;

	private final PlanePermissions permissions;

	private final ProjectHandler projects;

	private final StateLabelHandler statesAndLabels;

	private final WorkItemHandler workItems;

	private final CommentHandler comments;

	PlaneApi(SandboxStore store, PlaneShapes shapes, WorkItemShapes workItemShapes,
			SlidingWindowRateLimiter rateLimiter, SandboxOptions.PathFamilies families) {
		this.store = store;
		this.rateLimiter = rateLimiter;
		this.router = new PlaneRouter(families);
		this.permissions = new PlanePermissions(store);
		this.projects = new ProjectHandler(store, shapes);
		this.statesAndLabels = new StateLabelHandler(store, shapes);
		this.workItems = new WorkItemHandler(store, workItemShapes);
		this.comments = new CommentHandler(store, workItemShapes);
	}

	record Request(String method, String path, Map<String, String> query, String body, String apiKey,
			String contentType) {
	}

	/**
	 * An answer, with the changes it made for the webhook worker to pick up after it is
	 * sent, as Plane's views queue Celery tasks.
	 */
	record Response(int status, Object body, Map<String, String> headers, List<ModelActivity> activities) {

		static Response of(int status, Object body) {
			return new Response(status, body, new LinkedHashMap<>(), new ArrayList<>());
		}

		Response with(ModelActivity activity) {
			this.activities.add(activity);
			return this;
		}

	}

	boolean routeExists(String path) {
		return this.router.match(path) != null;
	}

	Response handle(Request request) {
		PlaneRoute route = this.router.match(request.path());
		if (route == null) {
			if (!request.path().endsWith("/") && this.router.match(request.path() + "/") != null) {
				// plane-api.md §2: Django's APPEND_SLASH answers 301 to the slashed URL.
				Response redirect = Response.of(301, null);
				String query = request.query().isEmpty() ? "" : "?" + QueryStrings.encode(request.query());
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
				this.permissions.check(route, request, user);
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

	// ---- handlers

	private Response dispatch(PlaneRoute route, Request request, User user) {
		String method = request.method();
		return switch (route.kind()) {
			case ME -> Response.of(200, PlaneShapes.userLite(user));
			case PROJECTS -> method.equals("GET") ? this.projects.list(request, user) : notImplemented();
			case PROJECT -> method.equals("GET") ? this.projects.get(route, request, user) : notImplemented();
			case PROJECT_MEMBERS -> method.equals("GET") ? this.projects.listMembers(route) : notImplemented();
			case WORKSPACE_MEMBERS -> this.projects.listWorkspaceMembers(user);
			case STATES ->
				method.equals("GET") ? this.statesAndLabels.listStates(route, request, user) : notImplemented();
			case LABELS ->
				method.equals("GET") ? this.statesAndLabels.listLabels(route, request, user) : notImplemented();
			case ITEMS -> method.equals("GET") ? this.workItems.list(route, request, user)
					: this.workItems.create(route, request, user);
			case ITEM -> switch (method) {
				case "GET" -> this.workItems.get(route, request, user);
				case "PATCH" -> this.workItems.patch(route, request, user);
				default -> this.workItems.delete(route, user);
			};
			case ITEM_BY_IDENTIFIER -> this.workItems.getByIdentifier(route, request, user);
			case COMMENTS -> method.equals("GET") ? this.comments.list(route, request, user)
					: this.comments.create(route, request, user);
			case COMMENT -> method.equals("GET") ? this.comments.get(route, request, user) : notImplemented();
		};
	}

	private static Response notImplemented() {
		// Routed in Plane but outside what the gateway may call (plane-api.md §3.3).
		throw PlaneError.forbidden();
	}

}
