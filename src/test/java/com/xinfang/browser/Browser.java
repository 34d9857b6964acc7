package com.xinfang.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver; the paths are explicit so Selenium Manager
 * never tries to download a browser. Screenshots go to target/screenshots.
 */
final class Browser implements AutoCloseable {

	private final ChromeDriver driver;

	private final String base;

	Browser(int port, int width, int height) {
		var options = new ChromeOptions();
		options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=zh-CN", "--window-size=" + width + "," + height);
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
	}

	WebElement find(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	void type(String css, String text) {
		WebElement e = find(css);
		e.clear();
		e.sendKeys(text);
	}

	/** Selects an option; retried when htmx replaces the options while we pick one. */
	void select(String css, String visibleText) {
		for (int attempt = 1;; attempt++) {
			try {
				new Select(find(css)).selectByVisibleText(visibleText);
				return;
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
				pause(); // htmx is still swapping: on a loaded machine five immediate retries can all lose
			}
		}
	}

	/** Waits for an option; htmx may replace the options while we read them, so stale reads are retried. */
	void waitForOption(String css, String visibleText) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.cssSelector(css))
			.findElements(By.tagName("option"))
			.stream()
			.anyMatch(o -> o.getText().equals(visibleText)));
	}

	/** Clicks; retried when the element was replaced by a page that was still arriving. */
	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ie) {
			Thread.currentThread().interrupt();
		}
	}

	void click(String css) {
		for (int attempt = 1;; attempt++) {
			try {
				find(css).click();
				return;
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
				pause(); // htmx is still swapping: on a loaded machine five immediate retries can all lose
			}
		}
	}

	/** Waits until the element's text contains the words (the next page has arrived). */
	void waitForText(String css, String words) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			try {
				return d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(words));
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
			catch (WebDriverException ex) {
				// Chrome reports an element replaced while it was read (a page or htmx swap) this way too
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return false;
				}
				throw ex;
			}
		});
	}

	/** Logs a staff member into the console and waits for the console to greet them. */
	void logInStaff(String username, String password) {
		open("/console/login");
		type("#username", username);
		type("#password", password);
		click("button[type=submit]");
		find(".console-top .who");
	}

	/** Logs a citizen into the portal and waits until the login page has been left. */
	void logInCitizen(String phone, String password) {
		open("/login");
		type("#username", phone);
		type("#password", password);
		click("button[type=submit]");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !path().startsWith("/login"));
	}

	/** Logs out from the console and waits until the portal page has arrived. */
	void logOut() {
		click(".console-top button.link");
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> !d.findElements(By.cssSelector(".portal-header")).isEmpty());
	}

	String text(String css) {
		return find(css).getText();
	}

	String path() {
		return driver.getCurrentUrl().replace(base, "");
	}

	String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	ChromeDriver driver() {
		return driver;
	}

	void screenshot(String name) {
		try {
			Path dir = Path.of("target/screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
