package uk.interop.kb.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestUsers;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.content.ContentProblem;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestDatabases;
import uk.interop.kb.support.TestFrameworks;
import uk.interop.kb.taxonomy.Taxonomy;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking an assessment on every supported database (H2, and PostgreSQL when available), through the real
 * service and its transactions: one shared draft per organisation, colleagues' saves never lost, submission
 * keeping what was asked, organisations kept apart, and the benchmark's minimum.
 */
class AssessmentDataTests {

	private static final Taxonomy TAXONOMY = new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy"));
	private static final List<String> INDICATORS = List.of("organisational-one", "semantic-one", "structural-one",
			"foundational-one");

	/** The framework fixture, optionally changed: a new version of the same framework. */
	static Frameworks frameworks(String... replace) {
		List<ContentProblem> problems = new ArrayList<>();
		Framework framework = new FrameworkLoader(TAXONOMY, id -> Optional.of(List.of("what-this-level-means")))
			.parse("assessments/test.yml", TestFrameworks.framework(replace), problems).orElseThrow();
		assertThat(problems).isEmpty();
		return new Frameworks(new FrameworkLoader.Loaded(List.of(framework), List.of()));
	}

	record Setup(TestDatabases.Fresh db, TestUsers users) {

		AssessmentService service(Frameworks frameworks) {
			AssessmentService target = new AssessmentService(new AssessmentRepository(db.jdbc()), frameworks, TAXONOMY,
					new AuditLog(db.jdbc(), Clock.systemUTC()), new AssessmentProperties(5), Clock.systemUTC());
			ProxyFactory proxy = new ProxyFactory(target);
			proxy.setProxyTargetClass(true);
			proxy.addAdvice(new TransactionInterceptor(db.transactions(), new AnnotationTransactionAttributeSource()));
			return (AssessmentService) proxy.getProxy();
		}

		Member member(String name, String organisation) {
			KbUser user = users.create(name + "@example.org", Role.MEMBER);
			return new Member(user, organisation);
		}
	}

	private static Setup setup(TestDatabases.Fresh db) {
		return new Setup(db, new TestUsers(db.jdbc()));
	}

	/** Answers every question of the fixture with the same step, and submits. */
	private static long submitted(AssessmentService service, Member member, int step) {
		long id = service.start(member, "test", "t");
		for (String indicator : INDICATORS) {
			assertThat(service.saveAnswer(member, id, indicator, Integer.toString(step), "", revision(service, member,
					id, indicator), true, "t").ok()).isTrue();
		}
		assertThat(service.submit(member, id, "t")).isEmpty();
		return id;
	}

	private static int revision(AssessmentService service, Member member, long id, String indicator) {
		return service.draft(member, id).answer(indicator).map(Answer::revision).orElse(0);
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void colleaguesShareOneDraftAndAnotherOrganisationHasItsOwn(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			AssessmentService service = s.service(frameworks());
			Member alice = s.member("alice", "humberside-police");
			Member bob = s.member("bob", "humberside-police");
			Member carol = s.member("carol", "police-scotland");

			long draft = service.start(alice, "test", "t");
			service.saveAnswer(alice, draft, "semantic-one", "3", "Our code lists", 0, true, "t");

			assertThat(service.start(bob, "test", "t")).isEqualTo(draft);
			assertThat(service.draft(bob, draft).answer("semantic-one").map(Answer::answeredByName))
				.contains("Test Member");
			assertThat(service.start(carol, "test", "t")).isNotEqualTo(draft);
			assertThatThrownBy(() -> service.draft(carol, draft)).isInstanceOf(AssessmentNotFoundException.class);
			assertThatThrownBy(() -> service.saveAnswer(carol, draft, "semantic-one", "5", "", 1, true, "t"))
				.isInstanceOf(AssessmentNotFoundException.class);
			assertThatThrownBy(() -> service.submit(carol, draft, "t")).isInstanceOf(AssessmentNotFoundException.class);
			assertThat(service.draft(alice, draft).answer("semantic-one").flatMap(Answer::step)).contains(3);
			assertThat(service.assessments(carol)).extracting(Assessment::id).doesNotContain(draft);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aColleaguesNewerAnswerIsNeverOverwrittenByAStaleForm(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			AssessmentService service = s.service(frameworks());
			Member alice = s.member("alice", "humberside-police");
			Member bob = s.member("bob", "humberside-police");
			long draft = service.start(alice, "test", "t");
			// Both open the question before anyone has answered it (revision 0).
			assertThat(service.saveAnswer(alice, draft, "structural-one", "4", "Alice's evidence", 0, true, "t").ok())
				.isTrue();

			AssessmentService.Saved stale = service.saveAnswer(bob, draft, "structural-one", "1", "Bob's", 0, true, "t");

			assertThat(stale.ok()).isFalse();
			assertThat(stale.theirs()).hasValueSatisfying(a -> {
				assertThat(a.step()).contains(4);
				assertThat(a.evidence()).isEqualTo("Alice's evidence");
				assertThat(a.revision()).isEqualTo(1);
			});
			assertThat(service.saveAnswer(bob, draft, "structural-one", "2", "Bob's", 1, true, "t").ok()).isTrue();
			assertThat(service.draft(alice, draft).answer("structural-one").orElseThrow().revision()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aDraftIsSubmittedOnlyWhenEveryQuestionIsAnsweredAndThenItsAnswersAreClosed(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			AssessmentService service = s.service(frameworks());
			Member alice = s.member("alice", "humberside-police");
			long draft = service.start(alice, "test", "t");
			service.saveAnswer(alice, draft, "organisational-one", "2", "", 0, true, "t");
			service.saveAnswer(alice, draft, "semantic-one", "not-known", "", 0, true, "t");
			assertThat(service.saveAnswer(alice, draft, "structural-one", "", "Evidence only, for now", 0, false, "t")
				.ok()).as("come back later: evidence kept without a step").isTrue();
			assertThat(service.saveAnswer(alice, draft, "foundational-one", "", "", 0, true, "t").errors())
				.containsKey("step");
			assertThat(service.saveAnswer(alice, draft, "foundational-one", "9", "", 0, false, "t").errors())
				.containsKey("step");
			assertThat(service.saveAnswer(alice, draft, "foundational-one", "1", "x".repeat(2001), 0, true, "t")
				.errors()).containsKey("evidence");

			assertThat(service.submit(alice, draft, "t")).containsOnlyKeys("structural-one", "foundational-one");

			service.saveAnswer(alice, draft, "structural-one", "3", "Evidence only, for now", 1, true, "t");
			service.saveAnswer(alice, draft, "foundational-one", "1", "", 0, true, "t");
			assertThat(service.submit(alice, draft, "t")).isEmpty();
			assertThat(service.submit(alice, draft, "t")).as("twice is harmless").isEmpty();

			assertThat(service.assessment(alice, draft).submitted()).isTrue();
			assertThat(service.saveAnswer(alice, draft, "foundational-one", "5", "", 1, true, "t").closed()).isTrue();
			Profile profile = service.profile(alice, draft);
			assertThat(profile.level("semantic").orElseThrow().formatted()).isEqualTo("Not scored");
			assertThat(profile.level("structural").orElseThrow().score()).contains(3.0);
			assertThat(service.start(alice, "test", "t")).as("a new draft after submitting").isNotEqualTo(draft);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aSubmittedAssessmentStaysReadableWhenItsFrameworkChanges(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			Member alice = s.member("alice", "humberside-police");
			long old = submitted(s.service(frameworks()), alice, 2);

			AssessmentService changed = s.service(frameworks("version: \"1.0\"", "version: \"1.1\"",
					"question: How far has it got at semantic?", "question: Reworded for version 1.1?",
					"steps: [a, b, c, d, e]\n  - level: structural", "steps: [a, b, rewritten, d, e]\n  - level: structural",
					"title: A test framework", "title: A test framework, revised"));

			Profile profile = changed.profile(alice, old);
			assertThat(profile.assessment().frameworkVersion()).isEqualTo("1.0");
			assertThat(profile.assessment().frameworkTitle()).isEqualTo("A test framework");
			Answer semantic = profile.level("semantic").orElseThrow().indicators().get(0).answer();
			assertThat(semantic.question()).isEqualTo("How far has it got at semantic?");
			assertThat(semantic.stepDescription()).isEqualTo("b");
			assertThat(semantic.nextStep()).as("what step 3 meant then").isEqualTo("c");

			long next = submitted(changed, alice, 3);
			assertThat(changed.profile(alice, next).level("semantic").orElseThrow().indicators().get(0).answer()
				.question()).isEqualTo("Reworded for version 1.1?");
			History history = changed.history(alice, "test");
			assertThat(history.rows()).hasSize(2);
			assertThat(history.rows().get(0).versionChanged()).isTrue();
			assertThat(history.rows().get(0).change("semantic")).contains(1.0);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void theBenchmarkStaysHiddenUntilFiveOrganisationsHaveSubmittedAndNeverCountsDrafts(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			AssessmentService service = s.service(frameworks());
			List<String> organisations = List.of("humberside-police", "police-scotland", "cumbria-constabulary",
					"greater-manchester-police", "metropolitan-police-service");
			Member first = s.member("m0", organisations.get(0));
			long own = submitted(service, first, 2);
			for (int i = 1; i < 4; i++) {
				submitted(service, s.member("m" + i, organisations.get(i)), i + 1);
			}
			Member fifth = s.member("m4", organisations.get(4));
			long draft = service.start(fifth, "test", "t");
			service.saveAnswer(fifth, draft, "semantic-one", "5", "", 0, true, "t");

			Benchmark fewer = service.benchmark(first, service.profile(first, own));
			assertThat(fewer.enough()).isFalse();
			assertThat(fewer.organisations()).as("the draft does not count").isEqualTo(4);
			assertThat(fewer.levels()).isEmpty();

			for (String indicator : INDICATORS) {
				service.saveAnswer(fifth, draft, indicator, "5", "", revision(service, fifth, draft, indicator), true, "t");
			}
			service.submit(fifth, draft, "t");
			Benchmark enough = service.benchmark(first, service.profile(first, own));

			assertThat(enough.enough()).isTrue();
			assertThat(enough.organisations()).isEqualTo(5);
			assertThat(enough.levels()).allSatisfy(l -> {
				assertThat(l.counts()).containsExactly(0, 2, 1, 1, 1);
				assertThat(l.ownBand()).contains(2);
				assertThat(l.higher()).isEqualTo(3);
				assertThat(l.same()).isEqualTo(1);
			});
			assertThat(service.aggregates()).singleElement().satisfies(b -> {
				assertThat(b.organisations()).isEqualTo(5);
				assertThat(b.levels().get(0).own()).isEmpty();
			});
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void lessonUptakeCountsOrganisationsNotActionsAndActionsStayWithTheirOrganisation(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			Setup s = setup(db);
			ActionRepository actions = new ActionRepository(db.jdbc());
			LessonUptake uptake = new LessonUptake(actions);
			Member alice = s.member("alice", "humberside-police");
			Member carol = s.member("carol", "police-scotland");
			Instant now = Instant.now();
			ActionRepository.Values learned = new ActionRepository.Values("Adopt the template", "", "IG team",
					Optional.empty(), ActionStatus.LESSON_LEARNED, "Signed", List.of("lessons/x"), List.of());
			ActionRepository.Values identified = new ActionRepository.Values("Look at it", "", "Someone",
					Optional.empty(), ActionStatus.IDENTIFIED, "", List.of("lessons/x", "lessons/y"), List.of(
							new ImprovementAction.IndicatorRef("test", "semantic-one")));
			long a1 = actions.insert(alice.organisation(), learned, Optional.empty(), alice.id(), alice.name(), now);
			actions.insert(alice.organisation(), identified, Optional.empty(), alice.id(), alice.name(), now);
			long c1 = actions.insert(carol.organisation(), identified, Optional.empty(), carol.id(), carol.name(), now);

			assertThat(uptake.of("lessons/x")).isEqualTo(new LessonUptake.Counts(2, 1));
			assertThat(uptake.of("lessons/y")).isEqualTo(new LessonUptake.Counts(2, 0));
			assertThat(uptake.of("lessons/none").any()).isFalse();
			assertThat(actions.find(a1, carol.organisation())).isEmpty();
			assertThat(actions.find(c1, carol.organisation())).hasValueSatisfying(a -> {
				assertThat(a.lessons()).containsExactly("lessons/x", "lessons/y");
				assertThat(a.indicators()).extracting(ImprovementAction.IndicatorRef::key).containsExactly("test:semantic-one");
			});
			assertThat(actions.update(c1, alice.organisation(), learned, 1, alice.name(), now))
				.as("another organisation's action cannot be changed").isFalse();
			assertThat(actions.update(c1, carol.organisation(), learned, 1, carol.name(), now)).isTrue();
			assertThat(actions.update(c1, carol.organisation(), identified, 1, carol.name(), now))
				.as("a stale version").isFalse();
			assertThat(uptake.of("lessons/x")).isEqualTo(new LessonUptake.Counts(2, 2));
			assertThat(actions.countsByStatus()).isEqualTo(Map.of(ActionStatus.LESSON_LEARNED, 2L,
					ActionStatus.IDENTIFIED, 1L));
		}
	}
}
