package uk.interop.kb.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A document's page: its title, metadata and related documents. */
final class DocumentPageObject {

	private final WebDriver driver;

	DocumentPageObject(WebDriver driver) {
		this.driver = driver;
	}

	String title() {
		return driver.findElement(By.tagName("h1")).getText();
	}

	String metadata() {
		return driver.findElement(By.cssSelector(".govuk-summary-list")).getText();
	}

	List<String> related() {
		return driver.findElements(By.cssSelector("#related a")).stream().map(WebElement::getText).toList();
	}

	DocumentPageObject openRelated(int index) {
		Browsers.andWaitForNewPage(driver, driver.findElements(By.cssSelector("#related a")).get(index)::click);
		return new DocumentPageObject(driver);
	}
}
