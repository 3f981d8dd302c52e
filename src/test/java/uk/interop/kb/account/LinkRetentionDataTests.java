package uk.interop.kb.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.interop.kb.shared.RetentionProperties;
import uk.interop.kb.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** One-time links are deleted once used or expired for longer than {@code kb.retention.links}; others stay. */
class LinkRetentionDataTests {

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void usedAndExpiredLinksPastTheirRetentionAreDeletedAndPendingInvitationsListed(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			AccountRepository accounts = new AccountRepository(db.jdbc());
			Instant now = Instant.parse("2027-06-10T03:29:00Z");
			long admin = accounts.insert("admin@test.example", "The Admin", "x", Role.ADMIN, false, now.minus(Duration.ofDays(30)));
			link(accounts, "expired-long-ago", admin, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(8)));
			link(accounts, "expired-lately", admin, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3)));
			link(accounts, "used-long-ago", admin, now.minus(Duration.ofDays(12)), now.minus(Duration.ofDays(5)));
			accounts.useLink(accounts.findLink("used-long-ago").orElseThrow().id(), now.minus(Duration.ofDays(11)));
			link(accounts, "used-lately", admin, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)));
			accounts.useLink(accounts.findLink("used-lately").orElseThrow().id(), now.minus(Duration.ofDays(1)));
			link(accounts, "pending", admin, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)));

			RetentionProperties retention = new RetentionProperties(Duration.ofDays(365), Duration.ofDays(7),
					Duration.ofDays(90), Duration.ofDays(365));
			int deleted = new LinkRetention(accounts, Clock.fixed(now, ZoneOffset.UTC), retention).deleteExpired();

			assertThat(deleted).isEqualTo(2);
			assertThat(accounts.findLink("expired-long-ago")).isEmpty();
			assertThat(accounts.findLink("used-long-ago")).isEmpty();
			assertThat(accounts.findLink("expired-lately")).isPresent();
			assertThat(accounts.findLink("used-lately")).isPresent();
			assertThat(accounts.findLink("pending")).isPresent();
			assertThat(accounts.pendingInvitations(now)).singleElement().satisfies(p -> {
				assertThat(p.email()).isEqualTo("pending@test.example");
				assertThat(p.invitedBy()).isEqualTo("The Admin");
			});
			long pending = accounts.findLink("pending").orElseThrow().id();
			assertThat(accounts.revokeInvitation(pending, now)).hasValue("pending@test.example");
			assertThat(accounts.revokeInvitation(pending, now.plusSeconds(1))).isEmpty();
			assertThat(accounts.pendingInvitations(now.plusSeconds(1))).isEmpty();
		}
	}

	private static void link(AccountRepository accounts, String hash, long admin, Instant created, Instant expires) {
		accounts.insertLink(hash, AccountLink.Purpose.INVITATION, null, hash + "@test.example", Role.MEMBER, admin,
				created, expires);
	}
}
