package com.launcher.agentgateway.tasker;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CommentCopy;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.readmodel.WebhookDelivery;
import com.launcher.agentgateway.readmodel.WebhookReceiver;
import com.launcher.agentgateway.readmodel.WebhookVerdict;
import com.launcher.host.api.secret.Secrets;
import com.launcher.host.api.secret.UnknownSecretException;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tasker's webhooks into the copy (plane-api.md §7). The signature is checked first, over
 * the raw bytes with a constant-time compare, so nothing unsigned is parsed or stored;
 * then the payload's shape, its age, and whether its delivery id was seen before (a
 * replay). An accepted delivery costs two statements: the delivery id, and the card or
 * comment written only if it is newer than the copy, so duplicates and reordered
 * deliveries change nothing. Deliveries about projects the copy does not track are
 * ignored. Deliveries caused by the gateway's own writes arrive after the write's answer
 * has refreshed the copy, so they find it current and change nothing.
 */
public class TaskerWebhookReceiver implements WebhookReceiver {

	/** The host's name for the secret Plane signs with. */
	public static final String SECRET = "tasker-webhook-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger logger = LoggerFactory.getLogger(TaskerWebhookReceiver.class);

	private final Secrets secrets;

	private final ReadModelStore store;

	private final ReadModelSettings settings;

	private final Clock clock;

	private final Attribution attribution;

	public TaskerWebhookReceiver(Secrets secrets, Attribution attribution, ReadModelStore store,
			ReadModelSettings settings, Clock clock) {
		this.secrets = Objects.requireNonNull(secrets, "secrets");
		this.attribution = Objects.requireNonNull(attribution, "attribution");
		this.store = Objects.requireNonNull(store, "store");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public WebhookVerdict receive(WebhookDelivery delivery) {
		WebhookVerdict verdict;
		try {
			verdict = check(delivery);
		}
		catch (UnknownSecretException ex) {
			verdict = WebhookVerdict.UNAVAILABLE;
			logger.warn("Tasker webhook refused: the host holds no {} for the gateway", SECRET);
			return verdict;
		}
		if (!verdict.accepted()) {
			// One line per refusal, with nothing of the body: it is unverified input.
			logger.warn("Tasker webhook refused: {} (delivery {}, {} bytes)", verdict.reason(),
					printable(delivery.deliveryId()), delivery.body().length);
		}
		return verdict;
	}

	private WebhookVerdict check(WebhookDelivery delivery) {
		if (delivery.body().length > this.settings.webhookMaxBytes()) {
			return WebhookVerdict.TOO_LARGE;
		}
		if (delivery.signature() == null || delivery.signature().isBlank()) {
			return WebhookVerdict.UNSIGNED;
		}
		if (!signedBySecret(delivery)) {
			return WebhookVerdict.BAD_SIGNATURE;
		}
		UUID deliveryId = uuid(delivery.deliveryId());
		JsonNode root = parse(delivery.body());
		if (deliveryId == null || root == null || !root.path("data").isObject()) {
			return WebhookVerdict.MALFORMED;
		}
		String event = root.path("event").asString("");
		String action = root.path("action").asString("").toLowerCase(Locale.ROOT);
		JsonNode data = root.path("data");
		try {
			return switch (event) {
				case "issue" -> card(deliveryId, action, data);
				case "issue_comment" -> comment(deliveryId, action, data);
				default -> remember(deliveryId) ? WebhookVerdict.IGNORED : WebhookVerdict.REPLAYED;
			};
		}
		catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
			return WebhookVerdict.MALFORMED;
		}
	}

	private WebhookVerdict card(UUID deliveryId, String action, JsonNode data) {
		if (action.startsWith("delete")) {
			// CE sends none (plane-api.md §7); the sweep drops deleted cards.
			return remember(deliveryId) ? WebhookVerdict.IGNORED : WebhookVerdict.REPLAYED;
		}
		TaskerWorkItem item = workItem(data);
		if (stale(item.updatedAt())) {
			return WebhookVerdict.STALE;
		}
		if (!remember(deliveryId)) {
			return WebhookVerdict.REPLAYED;
		}
		boolean written = this.store.saveNewerCard(
				new CardCopy(TaskerValues.workItem(item, this.attribution), item.descriptionHtml()),
				this.clock.instant());
		return written ? WebhookVerdict.APPLIED : unchangedOrIgnored(item.projectId());
	}

	private WebhookVerdict comment(UUID deliveryId, String action, JsonNode data) {
		if (action.startsWith("delete")) {
			return remember(deliveryId) ? WebhookVerdict.IGNORED : WebhookVerdict.REPLAYED;
		}
		UUID projectId = UUID.fromString(data.path("project").asString());
		TaskerComment comment = new TaskerComment(UUID.fromString(data.path("id").asString()),
				UUID.fromString(data.path("issue").asString()), text(data, "comment_html"), optionalUuid(data, "actor"),
				optionalUuid(data, "created_by"), time(data, "created_at"), time(data, "updated_at"),
				text(data, "external_source"), text(data, "external_id"));
		if (stale(comment.updatedAt())) {
			return WebhookVerdict.STALE;
		}
		if (!remember(deliveryId)) {
			return WebhookVerdict.REPLAYED;
		}
		int written = this.store.saveComment(ReadModelWorkItems.commentCopy(projectId, comment, this.attribution));
		return (written > 0) ? WebhookVerdict.APPLIED : unchangedOrIgnored(projectId);
	}

	private WebhookVerdict unchangedOrIgnored(UUID projectId) {
		CopiedProject project = this.store.project(projectId).orElse(null);
		return (project != null && project.releasedAt() == null) ? WebhookVerdict.UNCHANGED : WebhookVerdict.IGNORED;
	}

	private boolean remember(UUID deliveryId) {
		return this.store.recordDelivery(deliveryId, this.clock.instant());
	}

	/**
	 * A change older than the bound is not a delivery Plane would still make: a captured
	 * body sent again under a new delivery id (the id is not signed).
	 */
	private boolean stale(OffsetDateTime updatedAt) {
		return updatedAt == null
				|| updatedAt.toInstant().isBefore(this.clock.instant().minus(this.settings.webhookMaxAge()));
	}

	private boolean signedBySecret(WebhookDelivery delivery) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(delivery.signature().trim().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		byte[] expected = this.secrets.hmacSha256(SECRET, delivery.body());
		return MessageDigest.isEqual(expected, given);
	}

	/**
	 * The issue of a delivery: Plane's expanded serializer, with the state, labels and
	 * assignees as objects (or ids, as the API's own serializer writes them).
	 */
	static TaskerWorkItem workItem(JsonNode data) {
		return new TaskerWorkItem(UUID.fromString(data.path("id").asString()),
				UUID.fromString(data.path("project").asString()), data.path("sequence_id").asLong(),
				Objects.requireNonNull(text(data, "name")), text(data, "description_html"),
				WorkItemPriority.fromPlaneValue(text(data, "priority")), reference(data.path("state")),
				references(data, "assignees", "assignee_ids"), references(data, "labels", "label_ids"),
				reference(data.path("parent")), date(data, "start_date"), date(data, "target_date"),
				text(data, "external_source"), text(data, "external_id"), reference(data.path("created_by")),
				time(data, "created_at"), time(data, "updated_at"), time(data, "completed_at"));
	}

	private static List<UUID> references(JsonNode data, String objects, String ids) {
		JsonNode array = data.path(objects).isArray() ? data.path(objects) : data.path(ids);
		List<UUID> result = new ArrayList<>();
		if (array.isArray()) {
			for (JsonNode element : array) {
				UUID id = reference(element);
				if (id != null) {
					result.add(id);
				}
			}
		}
		return result;
	}

	private static UUID reference(JsonNode node) {
		JsonNode id = node.isObject() ? node.path("id") : node;
		return (id.isString() && !id.asString().isEmpty()) ? UUID.fromString(id.asString()) : null;
	}

	private static UUID optionalUuid(JsonNode data, String field) {
		String value = text(data, field);
		return (value != null) ? UUID.fromString(value) : null;
	}

	private static String text(JsonNode data, String field) {
		JsonNode node = data.path(field);
		return node.isString() ? node.asString() : null;
	}

	private static OffsetDateTime time(JsonNode data, String field) {
		String value = text(data, field);
		return (value != null) ? OffsetDateTime.parse(value) : null;
	}

	private static LocalDate date(JsonNode data, String field) {
		String value = text(data, field);
		return (value != null) ? LocalDate.parse(value.substring(0, Math.min(10, value.length()))) : null;
	}

	private static JsonNode parse(byte[] body) {
		try {
			JsonNode root = JSON.readTree(body);
			return (root != null && root.isObject()) ? root : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static UUID uuid(String value) {
		try {
			return (value != null) ? UUID.fromString(value.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String printable(String deliveryId) {
		UUID id = uuid(deliveryId);
		return (id != null) ? id.toString() : "none";
	}

}
