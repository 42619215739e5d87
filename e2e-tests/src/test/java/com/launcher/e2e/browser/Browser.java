package com.launcher.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.TempFolders;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, for the pages' tests:
 * sign in as a demo user, widths of 1280 and 400 px, full-page screenshots kept under
 * {@code target/screenshots/}, axe-core checks, the keyboard, the clipboard and
 * downloads. Nothing is downloaded: when the browser or its driver is missing the test
 * fails (it never skips), saying what to install.
 */
public final class Browser implements AutoCloseable {

	public static final int WIDE = 1280;

	public static final int NARROW = 400;

	/** axe-core rule sets checked: WCAG 2.1 A and AA, and axe's best practices. */
	private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private final ChromeDriver driver;

	private final LauncherNode node;

	private final Path profile;

	private final Path downloads;

	private final Path screenshots;

	private int width = WIDE;

	private Browser(ChromeDriver driver, LauncherNode node, Path profile, Path downloads, Path screenshots) {
		this.driver = driver;
		this.node = node;
		this.profile = profile;
		this.downloads = downloads;
		this.screenshots = screenshots;
	}

	/** Starts a browser pointed at {@code node} (one per run: {@link SharedBrowser}). */
	public static Browser start(LauncherNode node) {
		Path chromium = executable("browser.chromium", "/usr/bin/chromium");
		Path chromedriver = executable("browser.chromedriver", "/usr/bin/chromedriver");
		try {
			Path profile = Files.createTempDirectory("agw-browser-");
			Path downloads = Files.createDirectories(profile.resolve("downloads"));
			Path screenshots = Files
				.createDirectories(Paths.get(System.getProperty("e2e.screenshots", "target/screenshots")));
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium.toFile());
			// The flags the machine notes give: headless as root, and no background
			// traffic to hosts this closed network refuses.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
					"--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
					"--window-size=" + WIDE + ",900", "--lang=en-US");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
			Browser browser = new Browser(driver, node, profile, downloads, screenshots);
			String origin = "http://127.0.0.1:" + node.port();
			driver.executeCdpCommand("Browser.grantPermissions",
					Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
			driver.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", downloads.toString()));
			browser.width(WIDE);
			return browser;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path executable(String property, String fallback) {
		Path path = Paths.get(System.getProperty(property, fallback));
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver, and " + path
					+ " is missing: apt-get install chromium chromium-driver (or set -D" + property + "=…)");
		}
		return path;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a path of the host ({@code /plugins/agent-gateway/…}). */
	public Browser open(String path) {
		this.driver.get("http://127.0.0.1:" + this.node.port() + path);
		return this;
	}

	/**
	 * Forgets the session: the host's cookies go (the browser must be on the host's
	 * origin for that, so it goes there first).
	 */
	public Browser signOut() {
		open("/login");
		this.driver.manage().deleteAllCookies();
		return this;
	}

	/** Signs in through the host's login form, as a person would. */
	public Browser signIn(String username) {
		signOut();
		open("/login");
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(username + "-demo");
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor((d) -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	/** Sets the viewport width (and a tall enough height) as a device would. */
	public Browser width(int pixels) {
		this.width = pixels;
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", pixels, "height", 900, "deviceScaleFactor", 1, "mobile", false));
		return this;
	}

	public int width() {
		return this.width;
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public String heading() {
		return text("h1");
	}

	public WebElement button(String text) {
		return this.driver.findElements(By.cssSelector("button, a.button"))
			.stream()
			.filter((b) -> b.getText().trim().startsWith(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No button \"" + text + "\" on " + this.driver.getCurrentUrl()));
	}

	public WebElement link(String text) {
		return this.driver.findElement(By.linkText(text));
	}

	/** Clicks and waits for the next page to load. */
	public Browser clickAndWait(WebElement element) {
		markPage();
		element.click();
		waitForNewPage();
		return this;
	}

	/** Presses a key that leaves the page (Enter on a link or in a form) and waits. */
	public Browser pressAndWait(CharSequence key) {
		markPage();
		press(key);
		waitForNewPage();
		return this;
	}

	// A mark on the window: a new page has none, so its absence means the old one left.
	private void markPage() {
		script("window.agwOldPage = true;");
	}

	private void waitForNewPage() {
		waitFor((d) -> Boolean.TRUE
			.equals(script("return window.agwOldPage !== true && document.readyState === 'complete';")));
	}

	public void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(condition);
	}

	/** Presses keys as a keyboard-only person would. */
	public Browser press(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
		return this;
	}

	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/**
	 * Presses Tab until the focused element matches, at most {@code limit} times, and
	 * answers it; fails when the keyboard cannot reach it.
	 */
	public WebElement tabTo(Predicate<WebElement> target, int limit, String what) {
		for (int i = 0; i < limit; i++) {
			press(Keys.TAB);
			WebElement focused = focused();
			if (target.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("The keyboard did not reach " + what + " within " + limit + " Tab presses on "
				+ this.driver.getCurrentUrl());
	}

	/** Reads the clipboard as the page's origin sees it. */
	public String clipboard() {
		return (String) this.driver
			.executeAsyncScript("navigator.clipboard.readText().then(arguments[0], () => arguments[0](null));");
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Whether the page is wider than the viewport (horizontal scrolling). */
	public boolean overflowsHorizontally() {
		Number scroll = (Number) script("return document.documentElement.scrollWidth;");
		Number viewport = (Number) script("return window.innerWidth;");
		return scroll.intValue() > viewport.intValue();
	}

	/** Keeps a full-page screenshot as {@code target/screenshots/<name>-<width>.png}. */
	public Path screenshot(String name) {
		@SuppressWarnings("unchecked")
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		Path file = this.screenshots.resolve(name + "-" + this.width + ".png");
		try {
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * The serious and critical axe-core violations of the current page, one line each
	 * (rule, help, the elements), empty when there are none.
	 */
	public List<String> seriousAccessibilityViolations() {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(AXE_TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		// Only violations are read; the pages have no frames. Legacy mode runs axe in the
		// page itself instead of opening a blank window to merge per-frame results,
		// which costs seconds a page on a busy machine.
		options.setResultTypes(List.of("violations"));
		Results results = new AxeBuilder().withOptions(options)
			.disableIframeTesting()
			.setLegacyMode(true)
			.analyze(this.driver);
		if (results.isErrored()) {
			throw new AssertionError(
					"axe-core failed on " + this.driver.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter((rule) -> Set.of("serious", "critical").contains(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
				+ rule.getNodes()
					.stream()
					.map((node) -> String.valueOf(node.getTarget()))
					.collect(Collectors.joining(", "));
	}

	/**
	 * Waits for a finished download whose name ends with {@code suffix}, and reads it.
	 */
	public String download(String suffix) {
		Path[] found = new Path[1];
		waitFor((d) -> {
			try (Stream<Path> files = Files.list(this.downloads)) {
				found[0] = files.filter((f) -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
				return found[0] != null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		try {
			String content = Files.readString(found[0]);
			Files.delete(found[0]);
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Ends the browser and removes its profile (cookies of signed-in people, downloaded
	 * instruction packs with their tokens): nothing of a run stays behind in the
	 * machine's temporary folder.
	 */
	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			TempFolders.remove(this.profile);
		}
	}

}
