package uk.interop.kb.browser;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/** Forgot password → the email → reset → sign in with the new password, in a real browser. */
@KbApplicationTest
@ExtendWith(Browsers.class)
class ForgotPasswordBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void aMemberWhoForgotTheirPasswordResetsItFromTheEmailAndSignsIn(WebDriver driver) {
		String member = accounts.fresh("journey", Role.MEMBER);
		String base = "http://localhost:" + port;
		driver.manage().deleteAllCookies();

		driver.get(base + "/sign-in");
		Browsers.clickAndWait(driver, driver.findElement(By.linkText("Forgot your password?")));
		driver.findElement(By.id("email")).sendKeys(member);
		Browsers.screenshot(driver, "forgot-password-1-form");
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Send reset link']")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
		Browsers.screenshot(driver, "forgot-password-2-check-your-email");

		String link = TestMail.awaitSubject(member, "Reset your Interop KB password").link("/reset/");
		driver.get(base + URI.create(link).getPath());
		driver.findElement(By.id("newPassword")).sendKeys("journey passphrase maple 8");
		driver.findElement(By.id("confirmPassword")).sendKeys("journey passphrase maple 8");
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Reset password']")));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Your password has been reset");
		Browsers.screenshot(driver, "forgot-password-3-reset");

		driver.findElement(By.id("username")).sendKeys(member);
		driver.findElement(By.id("password")).sendKeys("journey passphrase maple 8");
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));
		assertThat(driver.findElements(By.xpath("//button[normalize-space()='Sign out']"))).isNotEmpty();
		assertThat(TestMail.awaitSubject(member, "password was changed").to()).isEqualTo(member);
		Browsers.clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign out']")));
	}
}
