package com.launcher.tasker.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The mutable rows of the in-memory Tasker, guarded by the store's lock.
 */
final class SandboxModel {

	private SandboxModel() {
	}

	static final class User {

		final UUID id = UUID.randomUUID();

		final String email;

		final String firstName;

		final String lastName;

		final String displayName;

		ZoneId timezone = ZoneId.of("UTC");

		User(String email, String firstName, String lastName, String displayName) {
			this.email = email;
			this.firstName = firstName;
			this.lastName = lastName;
			this.displayName = displayName;
		}

	}

	static final class Member {

		final User user;

		int role;

		boolean active = true;

		Member(User user, int role) {
			this.user = user;
			this.role = role;
		}

	}

	static final class Project {

		final UUID id = UUID.randomUUID();

		final String identifier;

		final String name;

		int network = 0;

		OffsetDateTime archivedAt;

		final OffsetDateTime createdAt = OffsetDateTime.now();

		final List<Member> members = new ArrayList<>();

		long nextSequence = 1;

		Project(String identifier, String name) {
			this.identifier = identifier;
			this.name = name;
		}

		Member member(UUID userId) {
			for (Member member : this.members) {
				if (member.user.id.equals(userId)) {
					return member;
				}
			}
			return null;
		}

		boolean isActiveMember(UUID userId) {
			Member member = member(userId);
			return member != null && member.active;
		}

	}

	static final class State {

		final UUID id = UUID.randomUUID();

		final Project project;

		final String name;

		final String group;

		final String color;

		final boolean isDefault;

		final int sequence;

		State(Project project, String name, String group, String color, boolean isDefault, int sequence) {
			this.project = project;
			this.name = name;
			this.group = group;
			this.color = color;
			this.isDefault = isDefault;
			this.sequence = sequence;
		}

	}

	static final class Label {

		final UUID id = UUID.randomUUID();

		final Project project;

		final String name;

		final String color;

		Label(Project project, String name, String color) {
			this.project = project;
			this.name = name;
			this.color = color;
		}

	}

	static final class Item {

		final UUID id = UUID.randomUUID();

		final Project project;

		final long order;

		long sequenceId;

		String name;

		String descriptionHtml = "<p></p>";

		String priority = "none";

		State state;

		List<UUID> assignees = new ArrayList<>();

		List<UUID> labels = new ArrayList<>();

		UUID parent;

		LocalDate startDate;

		LocalDate targetDate;

		String externalSource;

		String externalId;

		UUID createdBy;

		UUID updatedBy;

		OffsetDateTime createdAt;

		OffsetDateTime updatedAt;

		OffsetDateTime completedAt;

		OffsetDateTime archivedAt;

		OffsetDateTime deletedAt;

		boolean isDraft;

		double sortOrder = 65535;

		Item(Project project, long order) {
			this.project = project;
			this.order = order;
		}

		boolean isListed() {
			return this.deletedAt == null && this.archivedAt == null && !this.isDraft;
		}

	}

	static final class Comment {

		final UUID id = UUID.randomUUID();

		final Item item;

		final long order;

		String commentHtml;

		String access = "INTERNAL";

		String externalSource;

		String externalId;

		UUID actor;

		UUID createdBy;

		UUID updatedBy;

		OffsetDateTime createdAt;

		OffsetDateTime updatedAt;

		OffsetDateTime editedAt;

		OffsetDateTime deletedAt;

		Comment(Item item, long order) {
			this.item = item;
			this.order = order;
		}

	}

	/**
	 * A workspace webhook (Plane's {@code webhooks} table): where deliveries go, the
	 * secret that signs them and the events it subscribes to.
	 */
	static final class Webhook {

		final UUID id = UUID.randomUUID();

		String url;

		String secretKey;

		final EnumSet<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);

		boolean active = true;

		final OffsetDateTime createdAt = OffsetDateTime.now();

		Webhook(String url, String secretKey) {
			this.url = url;
			this.secretKey = secretKey;
		}

	}

}
