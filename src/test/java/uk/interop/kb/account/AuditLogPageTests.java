package uk.interop.kb.account;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' audit log: words instead of codes, filters by who, what and when, paging and CSV. */
@KbApplicationTest
class AuditLogPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AuditLog audit;

	@Test
	void eventsReadInWordsAndFilterByWhoWhatAndWhenWithPagingThatKeepsTheFilters() {
		String who = "audit-page-" + System.nanoTime() + "@test.example";
		for (int i = 0; i < 55; i++) {
			audit.record(who, "SIGN_IN", who, null, "192.0.2." + (i % 200));
		}
		audit.record(who, "ROLE_CHANGED", who, "to EDITOR", "192.0.2.1");
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.user(Role.ADMIN), TestAccounts.PASSWORD);

		String all = admin.get("/admin/audit?who=" + who).body();
		assertThat(all).contains("56 events</span><span> match", "Role changed", "Signed in", "SIGN_IN", "Audit events, page 1 of 2")
			.contains("href=\"/admin/audit?page=2&amp;who=" + who.replace("@", "%40") + "\"")
			.contains("class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\"");
		String signIns = admin.get("/admin/audit?who=" + who + "&action=SIGN_IN&page=2").body();
		assertThat(signIns).contains("55 events", "page 2 of 2").doesNotContain("Role changed</span>");
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		assertThat(admin.get("/admin/audit?who=" + who + "&from=" + today + "&to=" + today).body()).contains("56 events");
		assertThat(admin.get("/admin/audit?who=" + who + "&to=2001-01-01").body()).contains("0 events",
				"No events match these filters");

		HttpResponse<String> bad = admin.get("/admin/audit?from=yesterday&to=2026-02-30");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("<title>Error: Audit log", "Enter the ‘from’ date as a real date",
				"Enter the ‘to’ date as a real date", "value=\"yesterday\"");

		HttpResponse<String> csv = admin.get("/admin/audit.csv?who=" + who + "&action=ROLE_CHANGED");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "audit-log.csv");
		List<String> rows = List.of(csv.body().split("\r\n"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).isEqualTo("\"when (UTC)\",\"who\",\"action\",\"code\",\"target\",\"detail\",\"source\"");
		assertThat(rows.get(1)).contains("\"Role changed\",\"ROLE_CHANGED\"", "\"to EDITOR\"", "\"192.0.2.1\"");
	}
}
