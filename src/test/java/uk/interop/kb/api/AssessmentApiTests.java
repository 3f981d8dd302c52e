package uk.interop.kb.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.ApiTokenService;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-assessment through the API with personal access tokens: the same rules as the pages. */
@KbApplicationTest
class AssessmentApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private ApiClient api(String username) {
		return new ApiClient(port, tokens.create((KbUser) users.loadUserByUsername(username), "api " + System.nanoTime(),
				"1", "test").secret());
	}

	@Test
	void frameworksAreOpenToAnyoneAndSayWhatTheyAre() {
		ApiClient anonymous = new ApiClient(port, null);
		JsonNode list = JSON.readTree(anonymous.get("/api/v1/assessment-frameworks").body());
		assertThat(list.get("frameworks")).extracting(f -> f.get("id").asString()).containsExactly("general", "rms");

		JsonNode rms = JSON.readTree(anonymous.get("/api/v1/assessment-frameworks/rms").body());
		assertThat(rms.get("proposal").asBoolean()).isTrue();
		assertThat(rms.get("notice").asString()).contains("not it");
		assertThat(rms.get("scale").get("steps")).hasSize(5);
		assertThat(rms.get("levels")).hasSize(4);
		assertThat(anonymous.get("/api/v1/assessment-frameworks/none").statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/api/v1/assessments").statusCode()).isEqualTo(401);
	}

	@Test
	void anOrganisationTakesAnAssessmentAndRecordsActionsWhileOthersSeeNothingOfThem() {
		ApiClient own = api(accounts.freshIn("api", Role.MEMBER, "jesip"));
		ApiClient colleague = api(accounts.freshIn("api", Role.MEMBER, "jesip"));
		ApiClient other = api(accounts.freshIn("api", Role.MEMBER, "london-fire-brigade"));
		ApiClient lone = api(accounts.fresh("api", Role.MEMBER));

		HttpResponse<String> started = own.post("/api/v1/assessments", "{\"framework\":\"general\"}");
		assertThat(started.statusCode()).isEqualTo(201);
		long id = JSON.readTree(started.body()).get("id").asLong();
		String path = "/api/v1/assessments/" + id;
		assertThat(JSON.readTree(colleague.post("/api/v1/assessments", "{\"framework\":\"general\"}").body()).get("id")
			.asLong()).isEqualTo(id);
		JsonNode framework = JSON.readTree(own.get("/api/v1/assessment-frameworks/general").body());
		for (JsonNode level : framework.get("levels")) {
			for (JsonNode indicator : level.get("indicators")) {
				HttpResponse<String> answered = own.put(path + "/answers/" + indicator.get("id").asString(),
						"{\"step\":\"4\",\"evidence\":\"Seen\",\"revision\":0}");
				assertThat(answered.statusCode()).isEqualTo(200);
			}
		}
		HttpResponse<String> stale = colleague.put(path + "/answers/shared-vocabularies",
				"{\"step\":\"1\",\"revision\":0}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(stale.body()).get("currentRevision").asInt()).isEqualTo(1);
		assertThat(own.put(path + "/answers/shared-vocabularies", "{\"step\":\"7\",\"revision\":1}").statusCode())
			.isEqualTo(400);
		assertThat(other.get(path).statusCode()).isEqualTo(404);
		assertThat(other.put(path + "/answers/shared-vocabularies", "{\"step\":\"1\",\"revision\":1}").statusCode())
			.isEqualTo(404);
		assertThat(other.post(path + "/submit", null).statusCode()).isEqualTo(404);

		HttpResponse<String> submitted = colleague.post(path + "/submit", null);
		assertThat(submitted.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(submitted.body());
		assertThat(body.get("status").asString()).isEqualTo("submitted");
		assertThat(body.get("profile").get("levels").get(0).get("score").asDouble()).isEqualTo(4.0);
		assertThat(JSON.readTree(own.get("/api/v1/assessments").body()).get("assessments"))
			.extracting(a -> a.get("id").asLong()).contains(id);
		assertThat(JSON.readTree(other.get("/api/v1/assessments").body()).get("assessments"))
			.extracting(a -> a.get("id").asLong()).doesNotContain(id);
		JsonNode nobody = JSON.readTree(lone.get("/api/v1/assessments").body());
		assertThat(nobody.get("organisation").isNull()).isTrue();
		assertThat(lone.post("/api/v1/assessments", "{\"framework\":\"general\"}").statusCode()).isEqualTo(409);

		HttpResponse<String> recorded = own.post("/api/v1/improvement-actions", """
				{"title":"Publish our code lists","owner":"Data team","due":"2020-02-01","status":"in-progress",
				 "indicators":["general:shared-vocabularies"],"assessment":%d}""".formatted(id));
		assertThat(recorded.statusCode()).isEqualTo(201);
		JsonNode action = JSON.readTree(recorded.body());
		assertThat(action.get("overdue").asBoolean()).isTrue();
		String actionPath = "/api/v1/improvement-actions/" + action.get("id").asLong();
		assertThat(other.get(actionPath).statusCode()).isEqualTo(404);
		assertThat(other.put(actionPath, "{\"version\":1,\"title\":\"x\",\"owner\":\"y\",\"status\":\"agreed\"}")
			.statusCode()).isEqualTo(404);
		assertThat(own.put(actionPath, "{\"version\":1,\"title\":\"Publish\",\"owner\":\"Data team\","
				+ "\"status\":\"implemented\"}").statusCode()).as("done without evidence").isEqualTo(400);
		assertThat(own.put(actionPath, "{\"version\":1,\"title\":\"Publish\",\"owner\":\"Data team\",\"due\":\"soon\"}")
			.statusCode()).isEqualTo(400);
		assertThat(own.put(actionPath, "{\"version\":1,\"title\":\"Publish\",\"owner\":\"Data team\","
				+ "\"status\":\"implemented\",\"evidence\":\"Published\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> conflict = colleague.put(actionPath, "{\"version\":1,\"title\":\"Old\",\"owner\":\"x\"}");
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(conflict.body()).get("currentVersion").asInt()).isEqualTo(2);
		JsonNode updated = JSON.readTree(own.get(actionPath).body());
		assertThat(updated.get("indicators")).as("left out of the update, so kept").hasSize(1);
		assertThat(updated.get("due").asString()).isEqualTo("2020-02-01");
		assertThat(updated.get("overdue").asBoolean()).as("done, so no longer overdue").isFalse();
		assertThat(JSON.readTree(own.get("/api/v1/improvement-actions?status=implemented").body()).get("actions"))
			.extracting(a -> a.get("title").asString()).contains("Publish");
		assertThat(own.get("/api/v1/improvement-actions?status=finished").statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(other.get("/api/v1/improvement-actions").body()).get("actions").toString())
			.doesNotContain("Publish");
	}
}
