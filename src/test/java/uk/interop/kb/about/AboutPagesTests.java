package uk.interop.kb.about;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.AccountsProperties;
import uk.interop.kb.insights.InsightsProperties;
import uk.interop.kb.shared.RetentionProperties;
import uk.interop.kb.support.Http;
import uk.interop.kb.support.KbApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages a UK public-sector service must have, linked from every page, saying what the code does. */
@KbApplicationTest
class AboutPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	RetentionProperties retention;

	@Autowired
	InsightsProperties insights;

	@Autowired
	AccountsProperties accounts;

	@Autowired
	ServiceProperties service;

	@Test
	void everyPageLinksToTheServicePagesInItsFooterAndToFeedbackInItsBanner() {
		Http http = new Http(port);
		for (String path : new String[] { "/", "/search?q=data", "/documents/handbook/overview", "/sign-in",
				"/documents/no-such-thing", "/privacy" }) {
			String html = http.page(path).body();
			String footer = html.substring(html.indexOf("<footer"));
			assertThat(footer).as(path).contains("href=\"/accessibility\">Accessibility statement</a>",
					"href=\"/privacy\">Privacy</a>", "href=\"/cookies\">Cookies</a>", "href=\"/contact\">Contact</a>",
					"href=\"/api\">Search API</a>").doesNotContain("href=\"/api/v1/search\"");
			assertThat(html).as(path).containsPattern("govuk-phase-banner__text\">[^<]*<a class=\"govuk-link\" href=\"/feedback\">feedback</a>");
		}
	}

	@Test
	void theAccessibilityStatementFollowsTheModelStatement() {
		String html = new Http(port).page("/accessibility").body();

		assertThat(html).contains("<h1 class=\"govuk-heading-xl\">Accessibility statement for Interop KB</h1>",
				"How accessible this website is", "Feedback and contact information",
				"Reporting accessibility problems with this website", "Enforcement procedure",
				"Equality Advisory and Support Service", "Technical information about this website’s accessibility",
				"Compliance status", "partially compliant", "Web Content Accessibility Guidelines version 2.2",
				"Non-accessible content", "Non-compliance with the accessibility regulations", "2.2.1 (Timing adjustable)",
				"Disproportionate burden", "Preparation of this accessibility statement", "axe-core", "320 pixels",
				"mailto:" + service.contactEmail(), "This statement was prepared on 1 December 2026")
			.contains("you are signed out 12 hours after signing in", "we warn you 2 minutes before your session ends",
					"After 30 minutes without using the website you can stay signed in with one button");
	}

	@Test
	void thePrivacyNoticeStatesTheRetentionPeriodsTheCleanUpsUse() {
		String html = new Http(port).page("/privacy").body();

		assertThat(row(html, "The audit log")).contains(RetentionProperties.describe(retention.auditLog()),
				"Deleted automatically every night");
		assertThat(row(html, "Invitation and password reset links")).contains(
				RetentionProperties.describe(accounts.invitationLifetime()), accounts.resetLifetime().toHours() + " hours",
				"then " + RetentionProperties.describe(retention.links()));
		assertThat(row(html, "Copies of emails")).contains(RetentionProperties.describe(retention.email()));
		assertThat(row(html, "What people search for")).contains(RetentionProperties.describe(insights.retention()));
		assertThat(row(html, "Answers to “Is this page useful?”")).contains(RetentionProperties.describe(retention.feedback()));
		assertThat(row(html, "Your saved searches")).contains("Until you delete them");
		assertThat(html).contains("Our lawful basis", "To be confirmed by the operator", "Your rights",
				"Information Commissioner’s Office", "data controller");
	}

	@Test
	void theCookiesPageNamesTheOneCookieAndWhyItIsStrictlyNecessary() {
		String html = new Http(port).page("/cookies").body();

		assertThat(html).contains("JSESSIONID", "strictly necessary", "after 30 minutes without using the website",
				"protects forms", "We do not use analytics");
		assertThat(new Http(port).page("/contact").body()).contains("mailto:" + service.contactEmail(),
				"href=\"/feedback\"", "within 5 working days");
	}

	/** The text of the retention table's row whose first cell starts with {@code what}. */
	private static String row(String html, String what) {
		Matcher row = Pattern.compile("(?s)<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">"
				+ Pattern.quote(what) + "((?!</tr>).)*</tr>").matcher(html);
		assertThat(row.find()).as("a row for " + what).isTrue();
		return row.group();
	}
}
