package uk.interop.kb.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;

import uk.interop.kb.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts and one-time links on every supported database (H2, and PostgreSQL when available). */
class AccountDataTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void anAccountRoundTripsWithItsTimestampsAndUsernamesAreUniqueWhateverTheirCase(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			AccountRepository accounts = new AccountRepository(db.jdbc());
			long id = accounts.insert(" Someone@Example.org ", "Someone", "{noop}x", Role.EDITOR, true, NOW);

			Account account = accounts.findByUsername("SOMEONE@example.org").orElseThrow();
			assertThat(account.id()).isEqualTo(id);
			assertThat(account.username()).isEqualTo("someone@example.org");
			assertThat(account.role()).isEqualTo(Role.EDITOR);
			assertThat(account.mustChangePassword()).isTrue();
			assertThat(account.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
			assertThatThrownBy(() -> accounts.insert("someone@example.org", "Again", "{noop}y", Role.MEMBER, false, NOW))
				.isInstanceOf(DuplicateKeyException.class);
			assertThat(accounts.count()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void failuresLockAtTheThresholdAndASuccessClearsThem(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			AccountRepository accounts = new AccountRepository(db.jdbc());
			long id = accounts.insert("locked@example.org", "L", "{noop}x", Role.MEMBER, false, NOW);
			Instant until = NOW.plusSeconds(900);

			accounts.recordFailure("locked@example.org", 3, until);
			accounts.recordFailure("locked@example.org", 3, until);
			assertThat(accounts.findById(id).orElseThrow().lockedAt(NOW)).isFalse();
			accounts.recordFailure("locked@example.org", 3, until);

			assertThat(accounts.findById(id).orElseThrow().lockedAt(NOW)).isTrue();
			assertThat(accounts.findById(id).orElseThrow().lockedAt(until.plusSeconds(1))).isFalse();
			accounts.recordSuccess(id);
			assertThat(accounts.findById(id).orElseThrow().lockedUntil()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aLinkIsUsedOnceEvenWhenManyTryAtOnce(TestDatabases.Kind kind) throws Exception {
		try (var db = TestDatabases.fresh(kind)) {
			AccountRepository accounts = new AccountRepository(db.jdbc());
			long admin = accounts.insert("admin@example.org", "A", "{noop}x", Role.ADMIN, false, NOW);
			accounts.insertLink("hash-1", AccountLink.Purpose.INVITATION, null, "New@Example.org", Role.CONTRIBUTOR,
					admin, NOW, NOW.plusSeconds(3600));
			AccountLink link = accounts.findLink("hash-1").orElseThrow();
			assertThat(link.email()).contains("new@example.org");
			assertThat(link.role()).contains(Role.CONTRIBUTOR);
			assertThat(link.usableAt(NOW)).isTrue();

			ExecutorService pool = Executors.newFixedThreadPool(6);
			List<Callable<Boolean>> tries = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				tries.add(() -> accounts.useLink(link.id(), NOW));
			}
			long used = 0;
			for (Future<Boolean> result : pool.invokeAll(tries)) {
				used += result.get() ? 1 : 0;
			}
			pool.shutdown();

			assertThat(used).isEqualTo(1);
			assertThat(accounts.findLink("hash-1").orElseThrow().usableAt(NOW)).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("uk.interop.kb.support.TestDatabases#all")
	void aPasswordChangeEndsOtherSessionsAndTheLastAdminIsCounted(TestDatabases.Kind kind) {
		try (var db = TestDatabases.fresh(kind)) {
			AccountRepository accounts = new AccountRepository(db.jdbc());
			long id = accounts.insert("a@example.org", "A", "{noop}x", Role.ADMIN, false, NOW);
			accounts.insert("b@example.org", "B", "{noop}x", Role.ADMIN, false, NOW);
			int before = accounts.findById(id).orElseThrow().sessionVersion();

			accounts.updatePassword(id, "{noop}y", false);
			accounts.updateEnabled(id, false);

			assertThat(accounts.findById(id).orElseThrow().sessionVersion()).isEqualTo(before + 2);
			assertThat(accounts.countEnabledAdmins()).isEqualTo(1);
			assertThat(accounts.findAll()).extracting(Account::username).containsExactly("a@example.org",
					"b@example.org");
		}
	}
}
