package com.launcher.tasker.sandbox;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;

/**
 * What {@link TaskerSandbox}'s seeding and look-up methods do to the store: tests set
 * projects, cards, memberships and time zones up directly rather than through the API, as
 * an administrator or a person in the web app would. A project or card added one at a
 * time fires Plane's webhooks as one made in the web app does; a bulk seed fires none, as
 * an import would not.
 */
final class SandboxSetup {

	private final SandboxStore store;

	private final WorkItemShapes shapes;

	private final WebhookDispatcher webhookDispatcher;

	SandboxSetup(SandboxStore store, WorkItemShapes shapes, WebhookDispatcher webhookDispatcher) {
		this.store = store;
		this.shapes = shapes;
		this.webhookDispatcher = webhookDispatcher;
	}

	UUID projectId(String identifier) {
		synchronized (this.store.lock) {
			return this.store.projectByIdentifier(identifier).orElseThrow().id;
		}
	}

	UUID userId(String email) {
		synchronized (this.store.lock) {
			return this.store.userByEmail(email).orElseThrow().id;
		}
	}

	String issueApiKey(String email) {
		synchronized (this.store.lock) {
			return this.store.issueApiKey(userId(email));
		}
	}

	UUID addProject(String identifier, String name) {
		ModelActivity created;
		synchronized (this.store.lock) {
			User agent = this.store.userByEmail(DemoSeed.AGENT_EMAIL).orElseThrow();
			Project project = this.store.addProject(identifier, name);
			project.members.add(new Member(agent, 15));
			this.store.addState(project, "Todo", "unstarted", "#3A3A3A", true);
			this.store.addState(project, "Done", "completed", "#16A34A", false);
			created = ModelActivity.created("project", project.id,
					Json.MAPPER.createObjectNode().put("identifier", identifier).put("name", name), agent.id);
		}
		this.webhookDispatcher.enqueue(List.of(created));
		return created.modelId();
	}

	UUID addWorkItem(UUID projectId, String name) {
		ModelActivity created;
		synchronized (this.store.lock) {
			Project project = this.store.projects.get(projectId);
			User agent = this.store.userByEmail(DemoSeed.AGENT_EMAIL).orElseThrow();
			UUID id = this.store.addItem(project, agent, name, null, null).id;
			created = ModelActivity.created("issue", id, Json.MAPPER.createObjectNode().put("name", name), agent.id);
		}
		this.webhookDispatcher.enqueue(List.of(created));
		return created.modelId();
	}

	List<UUID> seedWorkItems(String projectIdentifier, int count) {
		if (count < 1 || count > 100_000) {
			throw new IllegalArgumentException("count must be 1 to 100000");
		}
		synchronized (this.store.lock) {
			Project project = this.store.projectByIdentifier(projectIdentifier)
				.orElseThrow(() -> new IllegalArgumentException("no such project"));
			return DemoSeed.bulk(this.store, project, count);
		}
	}

	UUID workItemId(String readableId) {
		int dash = readableId.lastIndexOf('-');
		if (dash < 1) {
			throw new IllegalArgumentException("not a readable id");
		}
		String identifier = readableId.substring(0, dash);
		long sequence = Long.parseLong(readableId.substring(dash + 1));
		synchronized (this.store.lock) {
			return this.store.items.values()
				.stream()
				.filter((i) -> i.project.identifier.equals(identifier) && i.sequenceId == sequence)
				.map((i) -> i.id)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no such work item"));
		}
	}

	SandboxPerson person(String email) {
		synchronized (this.store.lock) {
			User user = this.store.userByEmail(email).orElseThrow(() -> new IllegalArgumentException("no such user"));
			return new SandboxPerson(this.store, this.shapes, this.webhookDispatcher, user);
		}
	}

	int forgetWorkItemsExcept(Set<UUID> keep) {
		synchronized (this.store.lock) {
			return this.store.forgetItemsExcept(keep);
		}
	}

	void setMembershipActive(String projectIdentifier, String email, boolean active) {
		synchronized (this.store.lock) {
			Project project = this.store.projectByIdentifier(projectIdentifier).orElseThrow();
			Member member = project.member(userId(email));
			if (member == null) {
				throw new IllegalArgumentException("not a member");
			}
			member.active = active;
		}
	}

	void setUserTimezone(String email, ZoneId zone) {
		synchronized (this.store.lock) {
			this.store.users.get(userId(email)).timezone = zone;
		}
	}

}
