package uk.interop.kb.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.content.Document;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RealContent;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign in, read a members-only lesson, sign out: it is gone. */
@KbApplicationTest
@ExtendWith(Browsers.class)
class MembersBrowserTests {

	@LocalServerPort
	int port;

	private final TestAccounts accounts;

	@Autowired
	MembersBrowserTests(TestAccounts accounts) {
		this.accounts = accounts;
	}

	@Test
	void aMemberSeesMembersOnlyContentUntilSigningOut(WebDriver driver) {
		Document members = RealContent.documents().stream().filter(d -> !d.isPublic()).findFirst().orElseThrow();
		String base = "http://localhost:" + port;
		driver.manage().deleteAllCookies();

		driver.get(base + "/documents/" + members.id());
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");

		driver.get(base + "/sign-in");
		driver.findElement(By.id("username")).sendKeys(accounts.user(Role.MEMBER));
		driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));
		driver.get(base + "/documents/" + members.id());

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(members.title());
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Members only");
		Browsers.screenshot(driver, "members-1-document");

		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign out']")));
		driver.get(base + "/documents/" + members.id());

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		driver.get(base + "/search?q=" + java.net.URLEncoder.encode(members.title(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(driver.findElements(By.cssSelector("#results a"))).noneMatch(a -> a.getText().equals(members.title()));
	}
}
