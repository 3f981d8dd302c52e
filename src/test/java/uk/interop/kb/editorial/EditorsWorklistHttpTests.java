package uk.interop.kb.editorial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.submission.Submission;
import uk.interop.kb.submission.SubmissionService;
import uk.interop.kb.support.Contributions;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist over HTTP, on a content folder with something wrong for every check: each problem is a row in its
 * section linking to where it is fixed, the summary counts them, and the clean lesson appears nowhere.
 */
@WorklistApplicationTest
class EditorsWorklistHttpTests {

	private static final Pattern COUNT = Pattern.compile(
			"data-check=\"([a-z-]+)\">\\s*<dt class=\"govuk-summary-list__key\">[^<]+</dt>\\s*"
					+ "<dd class=\"govuk-summary-list__value\">(\\d+)</dd>");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SubmissionService submissions;

	@Autowired
	UserDetailsService users;

	private static Submission contribution;

	@BeforeEach
	void publishOneContributionWithADuplicateTitle() {
		if (contribution == null) {
			KbUser contributor = (KbUser) users.loadUserByUsername(accounts.user(Role.CONTRIBUTOR));
			KbUser editor = (KbUser) users.loadUserByUsername(accounts.user(Role.EDITOR));
			contribution = Contributions.published(submissions, contributor, editor, "Shared radio codes agreed",
					"kestrel", "members");
		}
	}

	private String worklist() {
		WebSession editor = new WebSession(port);
		editor.signIn(accounts.user(Role.EDITOR), TestAccounts.PASSWORD);
		var response = editor.get("/content-health");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The section with this heading id, up to the next section. */
	private static String section(String html, String id) {
		int start = html.indexOf("<section aria-labelledby=\"" + id + "\">");
		assertThat(start).as("section " + id).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The table row (or list item) marked with this attribute value. */
	private static String row(String section, String attribute, String value) {
		Matcher row = Pattern.compile("(?s)<(tr|li) [^>]*" + attribute + "=\"" + Pattern.quote(value)
				+ "\">.*?</\\1>").matcher(section);
		assertThat(row.find()).as("a row for " + value + " in\n" + section).isTrue();
		return row.group();
	}

	private static int count(String html, String check) {
		Matcher m = COUNT.matcher(html);
		while (m.find()) {
			if (m.group(1).equals(check)) {
				return Integer.parseInt(m.group(2));
			}
		}
		throw new AssertionError("no count for " + check);
	}

	@Test
	void fileProblemsAreListedByFileAndLineAsValidateReportsThem() {
		String section = section(worklist(), "file-problems");

		assertThat(section).contains(WorklistContent.BAD_LEVEL_FILE + ":", "telepathic", "Value dropped");
	}

	@Test
	void aLinkToADocumentOrEntryThatDoesNotExistIsListedWithTheFileToFix() {
		String html = worklist();
		String section = section(html, "broken-links");

		assertThat(section).contains("<code>/documents/lessons/renamed-away</code>", "<code>/problem-book/PB-999</code>")
			.contains("href=\"/documents/" + WorklistContent.BROKEN_LINK + "\"")
			.contains("<code>content/" + WorklistContent.BROKEN_LINK + ".md</code>")
			.doesNotContain(WorklistContent.CLEAN);
		assertThat(count(html, "broken-links")).isEqualTo(2);
	}

	@Test
	void aRealDocumentCitingNoSourceIsListedButIllustrativeOnesAreNot() {
		String section = section(worklist(), "unsourced");

		assertThat(row(section, "data-document", WorklistContent.UNSOURCED))
			.contains("href=\"/documents/" + WorklistContent.UNSOURCED + "\"",
					"<code>content/" + WorklistContent.UNSOURCED + ".md</code>");
		assertThat(section).doesNotContain(WorklistContent.CLEAN, WorklistContent.NO_THEME);
	}

	@Test
	void documentsDueForReviewAreListedOldestFirstAndOnesNotYetDueAreNot() {
		String section = section(worklist(), "review-due");

		String older = row(section, "data-document", WorklistContent.OVERDUE);
		assertThat(older).contains("datetime=\"2020-03-01\"", "1 March 2020",
				"href=\"/documents/" + WorklistContent.OVERDUE + "\"");
		assertThat(section.indexOf(WorklistContent.OVERDUE)).isLessThan(section.indexOf(WorklistContent.OVERDUE_LATER));
		assertThat(section).doesNotContain(WorklistContent.NOT_YET_DUE, WorklistContent.CLEAN);
	}

	@Test
	void aLessonWithNoThemeIsListedWithWhatIsMissing() {
		String section = section(worklist(), "unclassified");

		assertThat(row(section, "data-document", WorklistContent.NO_THEME)).contains(">Theme<",
				"href=\"/documents/" + WorklistContent.NO_THEME + "\"");
		assertThat(section).doesNotContain(WorklistContent.CLEAN);
	}

	@Test
	void titlesTheSameButForCaseAndSpacingAreOneRowAcrossFilesAndPublishedContributions() {
		String section = section(worklist(), "duplicate-titles");

		assertThat(row(section, "data-document", WorklistContent.DUPLICATE_A))
			.contains("<code>content/" + WorklistContent.DUPLICATE_A + ".md</code>");
		assertThat(row(section, "data-document", WorklistContent.DUPLICATE_B))
			.contains("href=\"/documents/" + WorklistContent.DUPLICATE_B + "\"");
		// The contribution is members-only and lives in the database: it is fixed through a suggested change.
		assertThat(row(section, "data-document", contribution.documentId()))
			.contains("href=\"/documents/" + contribution.documentId() + "\"",
					"href=\"/submissions/suggest?document=" + contribution.documentId() + "\"");
		assertThat(section).containsOnlyOnce("<th scope=\"row\"").doesNotContain(WorklistContent.CLEAN);
	}

	@Test
	void aTaxonomyValueNoDocumentUsesLinksToItsSearchAndItsTaxonomyEntryAndOneInUseIsNotListed() {
		String section = section(worklist(), "unused-values");

		assertThat(row(section, "data-value", "themes/commercial-procurement")).contains("href=\"/search?theme=commercial-procurement\"");
		assertThat(row(section, "data-value", "barriers/funding"))
			.contains("href=\"/search?barrier=funding\"", "href=\"/taxonomy#barriers-funding\"",
					"<code>taxonomy/barriers.yml</code>");
		assertThat(section).doesNotContain("data-value=\"themes/data-quality\"", "data-value=\"levels/semantic\"",
				"data-value=\"sectors/police\"",
				// Used only by a problem-book entry: still used.
				"data-value=\"themes/culture-leadership\"");
	}

	@Test
	void aProblemBookEntryNoLessonBearsOnIsListedWithItsPageAndMapping() {
		String section = section(worklist(), "without-evidence");

		assertThat(row(section, "data-reference", WorklistContent.ENTRY_WITHOUT_EVIDENCE))
			.contains("href=\"/problem-book/PB-001\"", "href=\"/problem-book/PB-001/mapping\"");
		assertThat(section).doesNotContain("PB-002");
	}

	@Test
	void theSummaryCountsEachSectionAndLinksToIt() {
		String html = worklist();

		assertThat(count(html, "review-due")).isEqualTo(2);
		assertThat(count(html, "duplicate-titles")).isEqualTo(1);
		assertThat(count(html, "without-evidence")).isEqualTo(1);
		for (String check : new String[] { "file-problems", "broken-links", "unsourced", "review-due", "unclassified",
				"duplicate-titles", "unused-values", "without-evidence" }) {
			assertThat(html).contains("href=\"#" + check + "\"", "id=\"" + check + "\"");
		}
	}

	@Test
	void theCleanLessonAppearsNowhereOnTheWorklist() {
		assertThat(worklist()).doesNotContain(WorklistContent.CLEAN, "Custody codes agreed before the interface");
	}
}
