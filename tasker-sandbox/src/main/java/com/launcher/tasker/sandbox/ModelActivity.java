package com.launcher.tasker.sandbox;

import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * A change as a Plane view hands it to its {@code model_activity} task once the change is
 * saved: the request's own body and, for an update, the row as serialized before it. The
 * webhook worker turns it into one {@code created} event, or one {@code updated} event
 * per requested top-level field whose value differs (plane-api.md §7).
 *
 * @param model {@code issue}, {@code issue_comment} or {@code project}
 * @param modelId the changed row
 * @param requestedData the request body as sent
 * @param currentInstance the row before the change, {@code null} for a creation
 * @param actorId the user whose request made the change
 */
record ModelActivity(String model, UUID modelId, ObjectNode requestedData, ObjectNode currentInstance, UUID actorId) {

	ModelActivity {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(modelId, "modelId");
		Objects.requireNonNull(requestedData, "requestedData");
		Objects.requireNonNull(actorId, "actorId");
	}

	static ModelActivity created(String model, UUID modelId, ObjectNode requestedData, UUID actorId) {
		return new ModelActivity(model, modelId, requestedData, null, actorId);
	}

}
