package com.launcher.tasker.sandbox;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Label;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import com.launcher.tasker.sandbox.SandboxModel.Webhook;

/**
 * The whole in-memory Tasker: one workspace, its users, API keys, projects and rows.
 * Every access holds {@link #lock}; nothing is persisted.
 */
final class SandboxStore {

	static final String WORKSPACE = "demo";

	private static final SecureRandom RANDOM = new SecureRandom();

	final Object lock = new Object();

	final UUID workspaceId = UUID.randomUUID();

	final Map<UUID, User> users = new LinkedHashMap<>();

	final Map<UUID, Integer> workspaceRoles = new LinkedHashMap<>();

	final Map<String, UUID> apiKeys = new ConcurrentHashMap<>();

	final Map<UUID, Project> projects = new LinkedHashMap<>();

	final Map<UUID, State> states = new LinkedHashMap<>();

	final Map<UUID, Label> labels = new LinkedHashMap<>();

	final Map<UUID, Item> items = new LinkedHashMap<>();

	final Map<UUID, Comment> comments = new LinkedHashMap<>();

	final Map<UUID, Webhook> webhooks = new LinkedHashMap<>();

	/** The largest and default {@code per_page} (Plane CE: 1000). */
	final int maxPerPage;

	/**
	 * Every item that has carried an external source and id, by that pair, so that the
	 * duplicate checks and the external-id look-up do not scan every item (Plane asks its
	 * database). An item whose pair changed stays under its old pair too: readers check
	 * the item's current fields.
	 */
	private final Map<String, List<Item>> byExternalRef = new HashMap<>();

	private long order;

	SandboxStore(int maxPerPage) {
		this.maxPerPage = maxPerPage;
	}

	/** Records the item under its current external source and id, if it has both. */
	void indexExternalRef(Item item) {
		if (item.externalId == null || item.externalSource == null) {
			return;
		}
		List<Item> carriers = this.byExternalRef.computeIfAbsent(externalKey(item.externalSource, item.externalId),
				(key) -> new ArrayList<>(1));
		if (!carriers.contains(item)) {
			carriers.add(item);
		}
	}

	/**
	 * Removes every item not kept, and its comments; the index keeps current pairs only.
	 */
	int forgetItemsExcept(Set<UUID> keep) {
		int before = this.items.size();
		this.items.keySet().retainAll(keep);
		this.comments.values().removeIf((comment) -> !this.items.containsKey(comment.item.id));
		this.byExternalRef.clear();
		this.items.values().forEach(this::indexExternalRef);
		return before - this.items.size();
	}

	/** The live (not deleted) items of the project that now carry this source and id. */
	List<Item> itemsWithExternalRef(Project project, String source, String id) {
		List<Item> found = new ArrayList<>(1);
		for (Item item : this.byExternalRef.getOrDefault(externalKey(source, id), List.of())) {
			if (item.project == project && item.deletedAt == null && id.equals(item.externalId)
					&& source.equals(item.externalSource)) {
				found.add(item);
			}
		}
		return found;
	}

	private static String externalKey(String source, String id) {
		return source + '\u0000' + id;
	}

	long nextOrder() {
		return ++this.order;
	}

	User addUser(String email, String first, String last, String display, int workspaceRole) {
		User user = new User(email, first, last, display);
		this.users.put(user.id, user);
		this.workspaceRoles.put(user.id, workspaceRole);
		return user;
	}

	String issueApiKey(UUID userId) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String key = "plane_api_" + HexFormat.of().formatHex(bytes);
		this.apiKeys.put(key, userId);
		return key;
	}

	Project addProject(String identifier, String name) {
		Project project = new Project(identifier, name);
		this.projects.put(project.id, project);
		return project;
	}

	State addState(Project project, String name, String group, String color, boolean isDefault) {
		int sequence = (int) this.states.values().stream().filter((s) -> s.project == project).count() + 1;
		State state = new State(project, name, group, color, isDefault, sequence * 15000);
		this.states.put(state.id, state);
		return state;
	}

	Label addLabel(Project project, String name, String color) {
		Label label = new Label(project, name, color);
		this.labels.put(label.id, label);
		return label;
	}

	Item addItem(Project project, User creator, String name, String descriptionHtml, State state) {
		Item item = new Item(project, nextOrder());
		item.sequenceId = project.nextSequence++;
		item.name = name;
		item.descriptionHtml = (descriptionHtml != null) ? descriptionHtml : "<p></p>";
		item.state = (state != null) ? state : defaultState(project);
		item.createdBy = creator.id;
		item.createdAt = OffsetDateTime.now();
		item.updatedAt = item.createdAt;
		syncCompletedAt(item);
		this.items.put(item.id, item);
		return item;
	}

	Comment addComment(Item item, User actor, String html) {
		Comment comment = new Comment(item, nextOrder());
		comment.commentHtml = html;
		comment.actor = actor.id;
		comment.createdBy = actor.id;
		comment.createdAt = OffsetDateTime.now();
		comment.updatedAt = comment.createdAt;
		this.comments.put(comment.id, comment);
		return comment;
	}

	State defaultState(Project project) {
		State first = null;
		for (State state : this.states.values()) {
			if (state.project == project) {
				if (state.isDefault) {
					return state;
				}
				if (first == null) {
					first = state;
				}
			}
		}
		return first;
	}

	void syncCompletedAt(Item item) {
		// plane-api.md §4.6: entering a completed-group state sets completed_at, leaving
		// clears it.
		boolean completed = item.state != null && "completed".equals(item.state.group);
		if (completed && item.completedAt == null) {
			item.completedAt = OffsetDateTime.now();
		}
		else if (!completed) {
			item.completedAt = null;
		}
	}

	Optional<Project> projectByIdentifier(String identifier) {
		return this.projects.values().stream().filter((p) -> p.identifier.equals(identifier)).findFirst();
	}

	Optional<User> userByEmail(String email) {
		return this.users.values().stream().filter((u) -> u.email.equalsIgnoreCase(email)).findFirst();
	}

	boolean isActiveMemberOfAnyProject(UUID userId) {
		return this.projects.values().stream().anyMatch((p) -> p.isActiveMember(userId));
	}

	List<Member> membersOf(Project project) {
		return new ArrayList<>(project.members);
	}

}
