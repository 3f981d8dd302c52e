package uk.interop.kb.search.web;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** For each role, signed in for real, totals and every facet count equal a brute-force count of what it may read. */
@KbApplicationTest
class RoleAudienceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final TestAccounts accounts;
	private final uk.interop.kb.support.Corpus corpus;

	@Autowired
	RoleAudienceTests(TestAccounts accounts, uk.interop.kb.support.Corpus corpus) {
		this.accounts = accounts;
		this.corpus = corpus;
	}

	@Test
	void countsMatchWhatEachRoleMayRead() {
		List<Document> documents = corpus.documents();
		Random random = new Random(11);
		for (Role role : Role.values()) {
			WebSession session = new WebSession(port);
			session.signIn(accounts.user(role), TestAccounts.PASSWORD);
			check(session, documents, role + "", random);
		}
		check(new WebSession(port), documents.stream().filter(Document::isPublic).toList(), "anonymous", random);
	}

	@Test
	void membersSeeMembersOnlyDocumentsAndTheirPagesWhileSignedIn() {
		Document members = corpus.documents().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();
		WebSession session = new WebSession(port);
		session.signIn(accounts.user(Role.MEMBER), TestAccounts.PASSWORD);

		assertThat(session.get("/documents/" + members.id()).statusCode()).isEqualTo(200);
		assertThat(session.get("/documents/" + members.id()).body()).contains("Members only");

		session.signOut();

		assertThat(session.get("/documents/" + members.id()).statusCode()).isEqualTo(404);
	}

	private void check(WebSession session, List<Document> readable, String who, Random random) {
		for (int round = 0; round < 8; round++) {
			String level = List.of("organisational", "semantic", "structural", "foundational").get(random.nextInt(4));
			String type = List.of("lesson", "case-study", "problem-book-entry", "forum-writeup").get(random.nextInt(4));
			JsonNode body = JSON.readTree(session.getJson("/api/v1/search?level=" + level + "&type=" + type).body());

			long expected = readable.stream().filter(d -> d.levels().contains(level) && d.type().equals(type)).count();
			assertThat(body.get("total").asLong()).as(who + " " + level + " " + type).isEqualTo(expected);
			for (JsonNode value : body.get("facets").get("level")) {
				String id = value.get("id").asString();
				long levelCount = readable.stream().filter(d -> d.levels().contains(id) && d.type().equals(type)).count();
				assertThat(value.get("count").asLong()).as(who + " level " + id).isEqualTo(levelCount);
			}
			for (JsonNode value : body.get("facets").get("type")) {
				String id = value.get("id").asString();
				long typeCount = readable.stream().filter(d -> d.levels().contains(level) && d.type().equals(id)).count();
				assertThat(value.get("count").asLong()).as(who + " type " + id).isEqualTo(typeCount);
			}
		}
	}
}
