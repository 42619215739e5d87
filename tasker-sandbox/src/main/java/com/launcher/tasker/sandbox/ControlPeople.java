package com.launcher.tasker.sandbox;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control path's {@code people/{email}/…} routes: a person's changes in Tasker's web
 * app ({@link SandboxPerson}). A card is named by its id or its readable id.
 */
final class ControlPeople {

	private ControlPeople() {
	}

	static Object handle(TaskerSandbox sandbox, String method, String[] s, String body) {
		if (s.length < 3) {
			throw PlaneError.pageNotFound();
		}
		SandboxPerson person = sandbox.person(s[1]);
		JsonNode node = Json.readBody(body);
		if (s[2].equals("work-items")) {
			if (s.length == 3) {
				SandboxControl.require(method, "POST");
				UUID id = person.createWorkItem(node.path("project").asString(""), node.path("name").asString(""));
				return new SandboxControl.Created(Json.MAPPER.createObjectNode().put("id", id.toString()));
			}
			UUID item = workItem(sandbox, s[3]);
			if (s.length == 4) {
				switch (method) {
					case "PATCH" -> person.editWorkItem(item, (ObjectNode) node);
					case "DELETE" -> person.deleteWorkItem(item);
					default -> throw PlaneError.detail(405, "Method \"" + method + "\" not allowed.");
				}
				return null;
			}
			if (s.length == 5 && s[4].equals("archive")) {
				SandboxControl.require(method, "POST");
				person.archiveWorkItem(item);
				return null;
			}
			if (s.length == 5 && s[4].equals("comments")) {
				SandboxControl.require(method, "POST");
				UUID id = person.addComment(item, node.path("comment_html").asString(""));
				return new SandboxControl.Created(Json.MAPPER.createObjectNode().put("id", id.toString()));
			}
		}
		if (s[2].equals("comments") && s.length == 4) {
			UUID comment = UUID.fromString(s[3]);
			switch (method) {
				case "PATCH" -> person.editComment(comment, node.path("comment_html").asString(""));
				case "DELETE" -> person.deleteComment(comment);
				default -> throw PlaneError.detail(405, "Method \"" + method + "\" not allowed.");
			}
			return null;
		}
		throw PlaneError.pageNotFound();
	}

	private static UUID workItem(TaskerSandbox sandbox, String text) {
		return PlaneRouter.isUuid(text) ? UUID.fromString(text) : sandbox.workItemId(text);
	}

}
