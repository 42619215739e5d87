package com.launcher.tasker.sandbox;

import java.util.List;
import java.util.Set;

/**
 * A matched route of Plane's /api/v1: its kind, path variables and allowed methods.
 */
record PlaneRoute(Kind kind, List<String> vars, Set<String> methods) {

	enum Kind {

		ME, PROJECTS, PROJECT, PROJECT_MEMBERS, WORKSPACE_MEMBERS, STATES, LABELS, ITEMS, ITEM, ITEM_BY_IDENTIFIER,
		COMMENTS, COMMENT

	}

}
