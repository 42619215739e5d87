package com.launcher.tasker.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskerSandboxTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private TaskerSandbox sandbox;

	private String key;

	private String prj;

	@BeforeEach
	void start() {
		this.sandbox = TaskerSandbox.start(SandboxOptions.forTests());
		this.key = this.sandbox.demoApiKey();
		this.prj = "/api/v1/workspaces/demo/projects/" + this.sandbox.projectId("WEB") + "/";
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void getWhenSlashMissingThenMovedPermanently() throws Exception {
		HttpResponse<String> response = call("GET", this.prj + "work-items", this.key, null);
		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location")).contains(this.prj + "work-items/");
	}

	@Test
	void getWhenKeyMissingThen401AndWhenKeyWrongThen403() throws Exception {
		HttpResponse<String> missing = call("GET", this.prj + "work-items/", null, null);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(json(missing).get("detail").stringValue())
			.isEqualTo("Authentication credentials were not provided.");
		HttpResponse<String> wrong = call("GET", this.prj + "work-items/", "plane_api_0000", null);
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(json(wrong).get("detail").stringValue()).isEqualTo("Given API token is not valid");
	}

	@Test
	void requestWhenMethodUnroutedThen405() throws Exception {
		HttpResponse<String> response = call("PUT", this.prj + "work-items/", this.key, "{}");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(json(response).get("detail").stringValue()).isEqualTo("Method \"PUT\" not allowed.");
	}

	@Test
	void getWhenRouteUnknownOrIdNotUuidThenPageNotFound() throws Exception {
		HttpResponse<String> response = call("GET", "/api/v1/workspaces/demo/projects/not-a-uuid/", this.key, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).get("error").stringValue()).isEqualTo("Page not found.");
	}

	@Test
	void getWhenProjectUnknownThen403BeforeLookup() throws Exception {
		HttpResponse<String> response = call("GET",
				"/api/v1/workspaces/demo/projects/" + UUID.randomUUID() + "/work-items/" + UUID.randomUUID() + "/",
				this.key, null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json(response).get("detail").stringValue())
			.isEqualTo("You do not have permission to perform this action.");
	}

	@Test
	void getWhenWorkItemUnknownThen404DoesNotExist() throws Exception {
		HttpResponse<String> response = call("GET", this.prj + "work-items/" + UUID.randomUUID() + "/", this.key, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).get("error").stringValue()).isEqualTo("The requested resource does not exist.");
	}

	@Test
	void listWhenPerPageOmittedThenDefault1000AndCursorsAlwaysPresent() throws Exception {
		JsonNode page = json(call("GET", this.prj + "work-items/?state=ignored", this.key, null));
		assertThat(page.get("results").size()).isEqualTo(3);
		assertThat(page.get("next_cursor").stringValue()).isEqualTo("1000:1:0");
		assertThat(page.get("prev_cursor").stringValue()).isEqualTo("1000:-1:1");
		assertThat(page.get("next_page_results").booleanValue()).isFalse();
		assertThat(page.get("total_pages").asInt()).isEqualTo(1);
		assertThat(page.has("grouped_by")).isTrue();
	}

	@Test
	void listWhenPagedThenOffsetIsPageTimesCurrentPerPage() throws Exception {
		JsonNode first = json(call("GET", this.prj + "work-items/?per_page=2", this.key, null));
		assertThat(first.get("count").asInt()).isEqualTo(2);
		assertThat(first.get("next_page_results").booleanValue()).isTrue();
		// The cursor's first number does not set the offset; this request's per_page
		// does.
		JsonNode second = json(call("GET", this.prj + "work-items/?per_page=2&cursor=50:1:0", this.key, null));
		assertThat(second.get("count").asInt()).isEqualTo(1);
		assertThat(second.get("next_page_results").booleanValue()).isFalse();
	}

	@Test
	void listWhenPaginationParamsBadThenExactBodies() throws Exception {
		assertThat(call("GET", this.prj + "states/?per_page=1001", this.key, null).body())
			.isEqualTo("{\"detail\":\"Invalid per_page value. Cannot exceed 1000.\"}");
		assertThat(call("GET", this.prj + "states/?per_page=x", this.key, null).body())
			.isEqualTo("{\"detail\":\"Invalid per_page parameter.\"}");
		assertThat(call("GET", this.prj + "states/?cursor=abc", this.key, null).body())
			.isEqualTo("{\"detail\":\"Invalid cursor parameter.\"}");
		assertThat(call("GET", this.prj + "states/?cursor=10:-2:0", this.key, null).body())
			.isEqualTo("{\"detail\":\"Error in parsing\"}");
	}

	@Test
	void createWhenExternalIdRepeatedThen409WithExistingId() throws Exception {
		String body = "{\"name\":\"A\",\"external_id\":\"e1\",\"external_source\":\"gw\",\"unknown_key\":1}";
		HttpResponse<String> created = call("POST", this.prj + "work-items/", this.key, body);
		assertThat(created.statusCode()).isEqualTo(201);
		HttpResponse<String> again = call("POST", this.prj + "issues/", this.key, body);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("id").stringValue()).isEqualTo(json(created).get("id").stringValue());
		JsonNode found = json(call("GET", this.prj + "work-items/?external_id=e1&external_source=gw", this.key, null));
		assertThat(found.get("id").stringValue()).isEqualTo(json(created).get("id").stringValue());
		assertThat(
				call("GET", this.prj + "work-items/?external_id=nope&external_source=gw", this.key, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void patchWhenExternalIdTakenThen409WithPatchedItemsId() throws Exception {
		call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"A\",\"external_id\":\"d\",\"external_source\":\"gw\"}");
		UUID other = UUID.fromString(
				json(call("POST", this.prj + "work-items/", this.key, "{\"name\":\"B\"}")).get("id").stringValue());
		call("PATCH", this.prj + "work-items/" + other + "/", this.key,
				"{\"external_id\":\"x\",\"external_source\":\"gw\"}");
		// Simulate the race of plane-api.md §5 by giving the second item the same pair
		// directly.
		HttpResponse<String> conflict = call("PATCH", this.prj + "work-items/" + other + "/", this.key,
				"{\"external_id\":\"d\"}");
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(json(conflict).get("id").stringValue()).isEqualTo(other.toString());
	}

	@Test
	void externalIdWhenMovedByPatchOrDeletedThenOnlyTheCurrentCarrierCounts() throws Exception {
		UUID moved = UUID.fromString(json(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"A\",\"external_id\":\"old\",\"external_source\":\"gw\"}"))
			.get("id")
			.stringValue());
		assertThat(call("PATCH", this.prj + "work-items/" + moved + "/", this.key, "{\"external_id\":\"new\"}")
			.statusCode()).isEqualTo(200);
		// The item left "old": the pair is free again, and "new" finds it.
		assertThat(
				call("GET", this.prj + "work-items/?external_id=old&external_source=gw", this.key, null).statusCode())
			.isEqualTo(404);
		assertThat(
				json(call("GET", this.prj + "work-items/?external_id=new&external_source=gw", this.key, null)).get("id")
					.stringValue())
			.isEqualTo(moved.toString());
		HttpResponse<String> reused = call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"B\",\"external_id\":\"old\",\"external_source\":\"gw\"}");
		assertThat(reused.statusCode()).isEqualTo(201);
		assertThat(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"C\",\"external_id\":\"new\",\"external_source\":\"gw\"}")
			.statusCode()).isEqualTo(409);
		// A deleted carrier no longer holds its pair.
		assertThat(call("DELETE", this.prj + "work-items/" + moved + "/", this.key, null).statusCode()).isEqualTo(204);
		assertThat(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"D\",\"external_id\":\"new\",\"external_source\":\"gw\"}")
			.statusCode()).isEqualTo(201);
	}

	@Test
	void forgetWorkItemsExceptWhenCalledThenTheOthersAndTheirExternalIdsAreGone() throws Exception {
		UUID kept = UUID.fromString(json(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"kept\",\"external_id\":\"k\",\"external_source\":\"gw\"}"))
			.get("id")
			.stringValue());
		UUID forgotten = UUID.fromString(json(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"gone\",\"external_id\":\"g\",\"external_source\":\"gw\"}"))
			.get("id")
			.stringValue());
		int listed = json(call("GET", this.prj + "work-items/", this.key, null)).get("results").size();
		assertThat(this.sandbox.forgetWorkItemsExcept(Set.of(kept))).isGreaterThanOrEqualTo(listed - 1);
		assertThat(json(call("GET", this.prj + "work-items/", this.key, null)).get("results")).hasSize(1);
		assertThat(call("GET", this.prj + "work-items/" + forgotten + "/", this.key, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", this.prj + "work-items/?external_id=g&external_source=gw", this.key, null).statusCode())
			.isEqualTo(404);
		assertThat(
				json(call("GET", this.prj + "work-items/?external_id=k&external_source=gw", this.key, null)).get("id")
					.stringValue())
			.isEqualTo(kept.toString());
		assertThat(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"again\",\"external_id\":\"g\",\"external_source\":\"gw\"}")
			.statusCode()).isEqualTo(201);
	}

	@Test
	void createCommentWhenExternalIdUsedElsewhereInProjectThen409() throws Exception {
		JsonNode items = json(call("GET", this.prj + "work-items/", this.key, null)).get("results");
		String a = items.get(0).get("id").stringValue();
		String b = items.get(1).get("id").stringValue();
		String body = "{\"comment_html\":\"<p>x</p>\",\"external_id\":\"c1\",\"external_source\":\"gw\"}";
		HttpResponse<String> first = call("POST", this.prj + "work-items/" + a + "/comments/", this.key, body);
		assertThat(first.statusCode()).isEqualTo(201);
		HttpResponse<String> second = call("POST", this.prj + "work-items/" + b + "/comments/", this.key, body);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(json(second).get("id").stringValue()).isEqualTo(json(first).get("id").stringValue());
	}

	@Test
	void createWhenNonMemberAssigneeAndForeignLabelThenDroppedSilently() throws Exception {
		UUID bob = this.sandbox.userId("bob@launcher.local");
		UUID alice = this.sandbox.userId("alice@launcher.local");
		String opsPrj = "/api/v1/workspaces/demo/projects/" + this.sandbox.projectId("OPS") + "/";
		String opsLabel = json(call("GET", opsPrj + "labels/", this.key, null)).get("results")
			.get(0)
			.get("id")
			.stringValue();
		HttpResponse<String> created = call("POST", opsPrj + "work-items/", this.key,
				"{\"name\":\"n\",\"assignees\":[\"" + bob + "\",\"" + alice + "\"],\"labels\":[\"" + labelOf(this.prj)
						+ "\",\"" + opsLabel + "\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("assignees").toString()).isEqualTo("[\"" + alice + "\"]");
		assertThat(json(created).get("labels").toString()).isEqualTo("[\"" + opsLabel + "\"]");
	}

	@Test
	void createWhenInvalidThenFieldKeyedBodies() throws Exception {
		assertThat(call("POST", this.prj + "work-items/", this.key, "{}").body())
			.isEqualTo("{\"name\":[\"This field is required.\"]}");
		assertThat(call("POST", this.prj + "work-items/", this.key, "{\"name\":\"a\",\"priority\":\"x\"}").body())
			.isEqualTo("{\"priority\":[\"\\\"x\\\" is not a valid choice.\"]}");
		assertThat(call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"a\",\"assignees\":[\"" + UUID.randomUUID() + "\"]}")
			.body()).startsWith("{\"assignees\":{\"0\":[\"Invalid pk");
	}

	@Test
	void getByIdentifierWhenWrongCaseThen403AndNonNumericThen500() throws Exception {
		assertThat(call("GET", "/api/v1/workspaces/demo/work-items/WEB-1/", this.key, null).statusCode())
			.isEqualTo(200);
		assertThat(call("GET", "/api/v1/workspaces/demo/issues/web-1/", this.key, null).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/workspaces/demo/work-items/WEB-x/", this.key, null).body())
			.isEqualTo("{\"error\":\"Something went wrong please try again later\"}");
	}

	@Test
	void listCommentsWhenItemUnknownThenEmpty200() throws Exception {
		HttpResponse<String> response = call("GET", this.prj + "work-items/" + UUID.randomUUID() + "/comments/",
				this.key, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("results").size()).isZero();
	}

	@Test
	void patchWhenArchivedAtSentThenItemArchivedLikePlane() throws Exception {
		String id = json(call("GET", this.prj + "work-items/", this.key, null)).get("results")
			.get(0)
			.get("id")
			.stringValue();
		assertThat(call("PATCH", this.prj + "work-items/" + id + "/", this.key, "{\"archived_at\":\"2026-01-01\"}")
			.statusCode()).isEqualTo(200);
		assertThat(call("GET", this.prj + "work-items/" + id + "/", this.key, null).statusCode()).isEqualTo(404);
	}

	@Test
	void membersWhenMembershipDeactivatedThenStillListed() throws Exception {
		this.sandbox.setMembershipActive("WEB", "bob@launcher.local", false);
		assertThat(call("GET", this.prj + "members/", this.key, null).body()).contains("bob@launcher.local");
	}

	@Test
	void requestWhenBudgetSpentThen429WithRetryAfterAndNoRateHeaders() throws Exception {
		try (TaskerSandbox limited = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(2, Duration.ofSeconds(30)))) {
			String path = limited.baseUrl() + "/api/v1/users/me/";
			HttpResponse<String> ok = this.http.send(request("GET", URI.create(path), limited.demoApiKey(), null),
					HttpResponse.BodyHandlers.ofString());
			assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).contains("1");
			this.http.send(request("GET", URI.create(path), limited.demoApiKey(), null),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> limitedResponse = this.http.send(
					request("GET", URI.create(path), limited.demoApiKey(), null), HttpResponse.BodyHandlers.ofString());
			assertThat(limitedResponse.statusCode()).isEqualTo(429);
			assertThat(limitedResponse.body())
				.isEqualTo("{\"error_code\":5900,\"error_message\":\"RATE_LIMIT_EXCEEDED\"}");
			assertThat(limitedResponse.headers().firstValue("Retry-After")).isPresent();
			assertThat(limitedResponse.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
			// 401s and 403s do not spend the budget, and a wrong key is refused before
			// throttling.
			assertThat(
					this.http.send(request("GET", URI.create(path), "bad", null), HttpResponse.BodyHandlers.ofString())
						.statusCode())
				.isEqualTo(403);
		}
	}

	@Test
	void issuesOnlyWhenWorkItemsPathUsedThenPageNotFound() throws Exception {
		try (TaskerSandbox old = TaskerSandbox
			.start(SandboxOptions.forTests().withPathFamilies(SandboxOptions.PathFamilies.ISSUES_ONLY))) {
			String base = old.baseUrl() + "/api/v1/workspaces/demo/projects/" + old.projectId("WEB") + "/";
			assertThat(this.http
				.send(request("GET", URI.create(base + "work-items/"), old.demoApiKey(), null),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
			assertThat(this.http
				.send(request("GET", URI.create(base + "issues/"), old.demoApiKey(), null),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void datetimesWhenUserTimezoneNotUtcThenRenderedWithOffset() throws Exception {
		this.sandbox.setUserTimezone("agent@launcher.local", ZoneId.of("Asia/Kolkata"));
		String createdAt = json(call("GET", this.prj + "work-items/", this.key, null)).get("results")
			.get(0)
			.get("created_at")
			.stringValue();
		assertThat(createdAt).endsWith("+05:30");
		assertThat(OffsetDateTime.parse(createdAt)).isNotNull();
	}

	@Test
	void controlWhenDisabledThenNotServed() throws Exception {
		try (TaskerSandbox demo = TaskerSandbox.start(SandboxOptions.demo())) {
			assertThat(this.http
				.send(request("GET", URI.create(demo.baseUrl() + "/_sandbox/journal"), null, null),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
		}
		assertThat(call("GET", "/_sandbox/journal", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void faultWhenResetAfterWriteThenAppliedButNoAnswer() throws Exception {
		this.sandbox.resetAfterNextWrites(1);
		assertThatThrownBy(() -> call("POST", this.prj + "work-items/", this.key,
				"{\"name\":\"late\",\"external_id\":\"r\",\"external_source\":\"gw\"}"))
			.isInstanceOf(java.io.IOException.class);
		assertThat(call("GET", this.prj + "work-items/?external_id=r&external_source=gw", this.key, null).statusCode())
			.isEqualTo(200);
		assertThat(this.sandbox.journal()).anyMatch((e) -> e.method().equals("POST") && e.status() == 0);
	}

	// ---- listing as Plane does it (plane-api.md §2, §2.1, §7 "Incremental sync")

	@Test
	void listWhenOrderByUpdatedAtThenMostRecentlyChangedFirstAndAscendingReverses() throws Exception {
		JsonNode created = json(call("GET", this.prj + "work-items/?order_by=created_at", this.key, null));
		String oldest = created.get("results").get(0).get("id").stringValue();
		assertThat(
				call("PATCH", this.prj + "work-items/" + oldest + "/", this.key, "{\"priority\":\"low\"}").statusCode())
			.isEqualTo(200);
		JsonNode recent = json(call("GET", this.prj + "work-items/?order_by=-updated_at", this.key, null));
		assertThat(recent.get("results").get(0).get("id").stringValue()).isEqualTo(oldest);
		JsonNode ascending = json(call("GET", this.prj + "work-items/?order_by=updated_at", this.key, null));
		assertThat(ascending.get("results").get(2).get("id").stringValue()).isEqualTo(oldest);
		JsonNode newest = json(call("GET", this.prj + "work-items/?order_by=-created_at", this.key, null));
		assertThat(newest.get("results").get(2).get("id").stringValue()).isEqualTo(oldest);
	}

	@Test
	void listWhenOrderByUnknownFieldThenPlanesGeneric500() throws Exception {
		HttpResponse<String> response = call("GET", this.prj + "work-items/?order_by=-nope", this.key, null);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("{\"error\":\"Something went wrong please try again later\"}");
	}

	@Test
	void listWhenPerPageAboveTheInstanceMaximumThen400WithPlanesBody() throws Exception {
		assertThat(call("GET", this.prj + "work-items/?per_page=1000", this.key, null).statusCode()).isEqualTo(200);
		try (TaskerSandbox capped = TaskerSandbox.start(SandboxOptions.forTests().withMaxPerPage(100))) {
			String path = capped.baseUrl() + "/api/v1/workspaces/demo/projects/" + capped.projectId("WEB")
					+ "/work-items/?per_page=1000";
			HttpResponse<String> response = this.http.send(request("GET", URI.create(path), capped.demoApiKey(), null),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid per_page value. Cannot exceed 100.\"}");
		}
	}

	@Test
	void listWhenFieldsGivenThenOnlyThoseKeysAndUnknownNamesIgnored() throws Exception {
		JsonNode page = json(call("GET", this.prj + "work-items/?fields=id,updated_at,nonsense,", this.key, null));
		assertThat(page.get("total_count").asInt()).isEqualTo(3);
		assertThat(page.get("results").values())
			.allSatisfy((item) -> assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "updated_at"));
		String id = page.get("results").get(0).get("id").stringValue();
		JsonNode one = json(call("GET", this.prj + "work-items/" + id + "/?fields=name", this.key, null));
		assertThat(one.propertyNames()).containsExactly("name");
	}

	@Test
	void listWhenExpandGivenThenReferencesBecomeObjects() throws Exception {
		JsonNode item = json(call("GET",
				this.prj + "work-items/?order_by=sequence_id&expand=state,assignees,labels,created_by", this.key, null))
			.get("results")
			.get(0);
		assertThat(item.get("sequence_id").asInt()).isEqualTo(1);
		assertThat(item.get("state").get("name").stringValue()).isEqualTo("Todo");
		assertThat(item.get("assignees").get(0).get("display_name").stringValue()).isEqualTo("alice");
		assertThat(item.get("created_by").get("email").stringValue()).isEqualTo("alice@launcher.local");
		assertThat(item.get("labels").isArray()).isTrue();
		// expand applies only to what fields= kept.
		JsonNode narrow = json(call("GET", this.prj + "work-items/?fields=id&expand=state", this.key, null));
		assertThat(narrow.get("results").get(0).has("state")).isFalse();
	}

	@Test
	void listCommentsWhenFieldsAndOrderByGivenThenFieldsKeptAndNewestFirstAlways() throws Exception {
		String card = json(call("GET", this.prj + "work-items/?order_by=sequence_id", this.key, null)).get("results")
			.get(0)
			.get("id")
			.stringValue();
		JsonNode comments = json(call("GET",
				this.prj + "work-items/" + card
						+ "/comments/?order_by=created_at&fields=id,created_at,actor&expand=actor",
				this.key, null))
			.get("results");
		assertThat(comments.size()).isEqualTo(2);
		assertThat(comments.get(0).propertyNames()).containsExactlyInAnyOrder("id", "created_at", "actor");
		assertThat(comments.get(0).get("actor").get("email").stringValue()).isEqualTo("alice@launcher.local");
		assertThat(comments.get(1).get("actor").get("email").stringValue()).isEqualTo("bob@launcher.local");
	}

	@Test
	void seedWorkItemsWhenTenThousandThenListedInTenPagesOfAThousand() throws Exception {
		UUID big = this.sandbox.addProject("BIG", "Big project");
		List<UUID> ids = this.sandbox.seedWorkItems("BIG", 10_000);
		assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
		String path = "/api/v1/workspaces/demo/projects/" + big + "/work-items/?order_by=-updated_at&per_page=1000";
		Set<String> seen = new HashSet<>();
		JsonNode page = json(call("GET", path + "&fields=id,updated_at", this.key, null));
		assertThat(page.get("total_count").asInt()).isEqualTo(10_000);
		assertThat(page.get("total_pages").asInt()).isEqualTo(10);
		// Newest first: the last seeded card leads.
		assertThat(page.get("results").get(0).get("id").stringValue()).isEqualTo(ids.get(9_999).toString());
		for (int p = 0; p < 10; p++) {
			page = json(call("GET", path + "&fields=id&cursor=1000:" + p + ":0", this.key, null));
			page.get("results").values().forEach((item) -> seen.add(item.get("id").stringValue()));
			assertThat(page.get("next_page_results").booleanValue()).isEqualTo(p < 9);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void browsePageWhenCardExistsThenEscapedHtmlAndNotJournalled() throws Exception {
		HttpResponse<String> page = call("GET", "/demo/browse/WEB-1/", null, null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
		assertThat(page.body()).contains("Login fails for e-mails with a plus sign")
			.doesNotContain("<script>")
			.contains("&lt;script&gt;");
		assertThat(call("GET", "/demo/browse/WEB-99/", null, null).statusCode()).isEqualTo(404);
		assertThat(this.sandbox.journal()).isEmpty();
	}

	private String labelOf(String projectPath) throws Exception {
		return json(call("GET", projectPath + "labels/", this.key, null)).get("results").get(0).get("id").stringValue();
	}

	private HttpResponse<String> call(String method, String path, String apiKey, String body) throws Exception {
		return this.http.send(request(method, URI.create(this.sandbox.baseUrl() + path), apiKey, body),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(String method, URI uri, String apiKey, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
		if (apiKey != null) {
			builder.header("X-API-Key", apiKey);
		}
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		return builder
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.MAPPER.readTree(response.body());
	}

}
