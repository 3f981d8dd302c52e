package uk.interop.kb.account;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.support.TestContent;
import uk.interop.kb.support.TestDatabase;
import uk.interop.kb.taxonomy.TaxonomyLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AccountBootstrapTests {

	private final PasswordEncoder encoder = new AccountConfiguration().passwordEncoder();

	private record Setup(AccountService service, AccountRepository repository, AccountOrganisations organisations,
			AccountBootstrap bootstrap) {
	}

	private Setup setup(String adminPassword, String demoPassword, String... profiles) {
		JdbcClient jdbc = TestDatabase.fresh();
		AccountsProperties properties = new AccountsProperties(adminPassword, demoPassword, 5, Duration.ofMinutes(15),
				30, Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(12), 10, Duration.ofMinutes(2));
		AccountRepository repository = new AccountRepository(jdbc);
		AccountService service = new AccountService(repository, encoder, new PasswordPolicy(),
				new AuditLog(jdbc, Clock.systemUTC()), properties, Clock.systemUTC(), event -> {
				}, new DomainRules(new SsoProperties("an administrator", java.util.Map.of())));
		AccountOrganisations organisations = new AccountOrganisations(jdbc, repository,
				new TaxonomyLoader().load(TestContent.REAL_CONTENT.resolve("taxonomy")), new AuditLog(jdbc,
						Clock.systemUTC()), Clock.systemUTC());
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return new Setup(service, repository, organisations, new AccountBootstrap(service, organisations, properties,
				environment));
	}

	@Test
	void firstStartCreatesAdminWithAOneTimePasswordLoggedOnceThatMustBeChanged(CapturedOutput output) {
		Setup s = setup("", "");

		s.bootstrap().afterSingletonsInstantiated();

		Account admin = s.repository().findByUsername("admin").orElseThrow();
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(admin.mustChangePassword()).isTrue();
		Matcher logged = Pattern.compile("one-time password (\\S+)").matcher(output.getOut());
		assertThat(logged.find()).isTrue();
		assertThat(encoder.matches(logged.group(1), admin.passwordHash())).isTrue();
		assertThat(logged.find()).as("logged only once").isFalse();
	}

	@Test
	void adminPasswordFromTheEnvironmentIsUsedAndNeverLogged(CapturedOutput output) {
		Setup s = setup("quartz meadow lantern", "");

		s.bootstrap().afterSingletonsInstantiated();

		Account admin = s.repository().findByUsername("admin").orElseThrow();
		assertThat(admin.mustChangePassword()).isFalse();
		assertThat(encoder.matches("quartz meadow lantern", admin.passwordHash())).isTrue();
		assertThat(output.getOut()).doesNotContain("quartz meadow lantern");
	}

	@Test
	void aWeakAdminPasswordStopsStartUp() {
		Setup s = setup("password1234", "");

		assertThatThrownBy(() -> s.bootstrap().afterSingletonsInstantiated())
			.hasMessageContaining("KB_ADMIN_PASSWORD");
	}

	@Test
	void nothingIsCreatedWhenAccountsExist() {
		Setup s = setup("", "");
		s.service().create("someone@example.org", "Someone", "granite pelican harbour", Role.MEMBER, false);

		s.bootstrap().afterSingletonsInstantiated();

		assertThat(s.repository().findByUsername("admin")).isEmpty();
	}

	@Test
	void theDemoProfileRefusesToStartWithoutAPassword() {
		Setup s = setup("", "", "demo");

		assertThatThrownBy(() -> s.bootstrap().afterSingletonsInstantiated()).hasMessageContaining("KB_DEMO_PASSWORD");
	}

	@Test
	void theDemoProfileCreatesOneAccountPerRoleAndWarns(CapturedOutput output) {
		Setup s = setup("", "velvet orchard canyon", "demo");

		s.bootstrap().afterSingletonsInstantiated();

		AccountBootstrap.DEMO_ACCOUNTS.forEach((username, role) -> {
			Account account = s.repository().findByUsername(username).orElseThrow();
			assertThat(account.role()).isEqualTo(role);
			assertThat(encoder.matches("velvet orchard canyon", account.passwordHash())).isTrue();
			assertThat(s.organisations().of(account.id())).as("a stand-in organisation, never a real one")
				.contains(AccountBootstrap.DEMO_ORGANISATION);
		});
		assertThat(output.getOut()).contains("DEMO ACCOUNTS EXIST", "member@example.org", "Contributor",
				"admin@example.org", "Administrator").doesNotContain("velvet orchard canyon");
		assertThat(s.repository().findByUsername(AccountBootstrap.ADMIN)).as("no one-time administrator").isEmpty();
		assertThat(output.getOut()).doesNotContain("one-time password");
	}

	@Test
	void aDemoPasswordMayContainTheWordDemoButNotAnAccountsName() {
		Setup demo = setup("", "demo lantern orchard meadow", "demo");
		demo.bootstrap().afterSingletonsInstantiated();
		assertThat(demo.repository().findByUsername("editor@example.org")).isPresent();

		Setup named = setup("", "editor lantern orchard meadow", "demo");
		assertThatThrownBy(() -> named.bootstrap().afterSingletonsInstantiated())
			.hasMessageContaining("KB_DEMO_PASSWORD is not acceptable for editor@example.org");
	}

	@Test
	void theDemoProfileDisablesABootstrapAdminStillOnItsOneTimePassword(CapturedOutput output) {
		Setup first = setup("", "");
		first.bootstrap().afterSingletonsInstantiated();
		Account oneTime = first.repository().findByUsername(AccountBootstrap.ADMIN).orElseThrow();
		assertThat(oneTime.enabled()).isTrue();
		AccountsProperties properties = new AccountsProperties("", "velvet orchard canyon", 5, Duration.ofMinutes(15),
				30, Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(12), 10, Duration.ofMinutes(2));
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("demo");

		new AccountBootstrap(first.service(), first.organisations(), properties, environment).afterSingletonsInstantiated();

		assertThat(first.repository().findByUsername(AccountBootstrap.ADMIN).orElseThrow().enabled()).isFalse();
		assertThat(output.getOut()).contains("disabled the account 'admin'");
	}
}
