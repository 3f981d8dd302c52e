package uk.interop.kb.assessment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's browser session over real HTTP, with the steps of taking an assessment and recording an action. */
final class AssessmentJourney {

	private static final Pattern QUESTION = Pattern.compile("href=\"(/assessments/\\d+/questions/[a-z0-9-]+)\"");
	private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

	final WebSession web;

	AssessmentJourney(int port, String username) {
		this.web = new WebSession(port);
		assertThat(web.signIn(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
	}

	/** Starts (or reopens) the organisation's draft; its path. */
	String start(String framework) {
		HttpResponse<String> started = web.post("/assessments", "/assessments", Map.of("framework", framework));
		assertThat(started.statusCode()).isEqualTo(302);
		return location(started);
	}

	/** Answers every question of the draft with {@code step} (and the evidence), then submits it. */
	String submitted(String framework, String step, String evidence) {
		String draft = start(framework);
		answerAll(draft, step, evidence);
		HttpResponse<String> submit = web.post(draft + "/check", draft + "/submit", Map.of());
		assertThat(submit.statusCode()).as("submitted").isEqualTo(302);
		return draft;
	}

	void answerAll(String draft, String step, String evidence) {
		Matcher questions = QUESTION.matcher(web.get(draft).body());
		java.util.List<String> paths = new java.util.ArrayList<>();
		while (questions.find()) {
			paths.add(questions.group(1));
		}
		assertThat(paths).isNotEmpty();
		for (String path : paths) {
			HttpResponse<String> saved = answer(path, step, evidence, "continue");
			assertThat(saved.statusCode()).as(path).isEqualTo(302);
		}
	}

	HttpResponse<String> answer(String question, String step, String evidence, String action) {
		String page = web.get(question).body();
		Matcher revision = REVISION.matcher(page);
		assertThat(revision.find()).as("a question page at " + question).isTrue();
		return web.post(question, question, Map.of("step", step, "evidence", evidence, "revision", revision.group(1),
				"action", action));
	}

	/** Records an action; its path. */
	String action(Map<String, String> fields) {
		HttpResponse<String> created = web.post("/assessments/actions/new", "/assessments/actions", fields);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return location(created);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}
}
