package cn.zhaoshang.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium for the workbench's browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver} (both given by path, so Selenium Manager never downloads anything), a 1366×768 window,
 * screenshots under {@code target/screenshots/} and the browser console's errors collected for the test to assert.
 * Without the two packages a {@link BrowserTest} is skipped, and the end-of-run report says why.
 */
public final class Browser implements AutoCloseable {

    public static final String MISSING = "needs Chromium + chromedriver: apt-get install chromium chromium-driver";
    /** the test JVM's working directory is the module (engine-app), so this is engine-app/target/screenshots */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** what a browser downloads goes to target/downloads/{name}/ */
    public static final Path DOWNLOADS = Path.of("target", "downloads");

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern FAILED_LOAD = Pattern.compile(
            "(\\S+) - Failed to load resource: the server responded with a status of 4\\d\\d\\b.*");

    /**
     * Debian's Chromium is newer than the DevTools bindings Selenium ships; nothing here uses DevTools (the console is
     * read through WebDriver's log endpoint), so the "no CDP version for 1xx" warning of every start is noise. Held
     * here because java.util.logging keeps loggers (and their level) only while someone references them.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final String baseUrl;
    private final String name;
    private final List<String> consoleErrors = new ArrayList<>();
    private final Path downloads;
    private int screenshots;

    private Browser(ChromeDriverService service, ChromeDriver driver, String baseUrl, String name, Path downloads) {
        this.service = service;
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.name = name;
        this.downloads = downloads;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A JUnit assumption: the calling test is skipped, not failed, on a machine without the Debian packages. */
    public static void assumeInstalled() {
        assumeTrue(installed(), MISSING + " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }

    /** The condition behind {@link BrowserTest}. */
    public static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return installed() ? ConditionEvaluationResult.enabled("found " + CHROMIUM + " and " + CHROMEDRIVER)
                    : ConditionEvaluationResult.disabled(MISSING + " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
        }
    }

    /** Opens a new browser (own profile, no cookies) on the app at {@code baseUrl}; screenshots are named after {@code name}. */
    public static Browser open(String baseUrl, String name) {
        assumeInstalled();
        Path downloads = DOWNLOADS.resolve(name).toAbsolutePath();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--window-size=1366,768", "--lang=zh-CN",
                // as root in CI there is no user namespace for the sandbox; /dev/shm may be small in containers
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(service, driver, baseUrl, name, downloads);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        collectConsole();
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    public String text(String css) {
        return find(css).getText().strip();
    }

    /** Clears the field and types, as a person would (keystrokes, not a value set by script). */
    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits until the new page is there. */
    public Browser clickAndWait(String css) {
        return clickAndWait(find(css));
    }

    public Browser clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        return waitForNewPage(page);
    }

    /** Presses a key in a field (Enter submits its form) and waits for the page that answers. */
    public Browser pressAndWait(String css, CharSequence key) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).sendKeys(key);
        return waitForNewPage(page);
    }

    private Browser waitForNewPage(WebElement oldPage) {
        new WebDriverWait(driver, WAIT).until(d -> isGone(oldPage));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        collectConsole();
        return this;
    }

    /**
     * Clicks a download link as a person would and waits for the finished file in this browser's download folder
     * (target/downloads/{name}/, emptied first); the page stays where it is.
     */
    public Path download(String css) {
        try {
            try (var old = Files.list(downloads)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            find(css).click();
            Path[] done = new Path[1];
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                try (var files = Files.list(downloads)) {
                    // Chromium writes a hidden temporary file, then *.crdownload, and renames it when it is complete
                    List<Path> finished = files.map(Path::getFileName).map(Path::toString)
                            .filter(f -> !f.startsWith(".") && !f.endsWith(".crdownload")).map(downloads::resolve).toList();
                    done[0] = finished.isEmpty() ? null : finished.get(0);
                    return done[0] != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            collectConsole();
            return done[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the old page's root element is gone. While Chromium swaps documents, chromedriver sometimes answers with
     * "Node with given id does not belong to the document" instead of a stale element reference: gone as well.
     */
    private static boolean isGone(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * The session cookie (Spring Session's {@code SESSION}, valid on every node), for checking with a plain HTTP client
     * what the browser's session gets (e.g. the status).
     */
    public String sessionCookie() {
        Cookie session = driver.manage().getCookieNamed("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return session.getName() + "=" + session.getValue();
    }

    /** Scrolls the element (a form with its errors, a result) to the middle of the window, then screenshots. */
    public Path screenshot(String label, String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", find(css));
        return screenshot(label);
    }

    /** Saves what the window shows as target/screenshots/{name}-{nn}-{label}.png. */
    public Path screenshot(String label) {
        Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++screenshots, label));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * The page at another window size (e.g. a phone's 390 px), screenshotted and checked to need no sideways
     * scrolling (a wide table scrolls inside its own box), then the 1366×768 window again.
     */
    public Path screenshotAt(int width, int height, String label) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            Path shot = screenshot(label);
            // when the page scrolls sideways, name what sticks out (a table scrolling inside its .table-wrap does not count)
            Object tooWide = driver.executeScript(String.join("\n",
                    "const width = document.documentElement.clientWidth;",
                    "if (document.documentElement.scrollWidth <= width) return [];",
                    "return [...document.querySelectorAll('body *')]",
                    "  .filter(e => e.getBoundingClientRect().right > width + 1)",
                    "  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')",
                    "    + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' of ' + width + ' px').slice(0, 10);"));
            assertThat((List<?>) tooWide).as("the page is wider than the window (%d px) on %s", width, path()).isEmpty();
            return shot;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Every visible input, select and textarea has a label a screen reader announces. */
    public void assertEveryFieldLabelled() {
        for (WebElement field : all("input:not([type=hidden]), select, textarea")) {
            String id = field.getAttribute("id");
            boolean labelled = (id != null && has("label[for='" + id + "']"))
                    || field.getAttribute("aria-label") != null || field.getAttribute("aria-labelledby") != null;
            assertThat(labelled).as("field %s (name=%s) on %s has a label", id, field.getAttribute("name"), path())
                    .isTrue();
        }
    }

    /** Errors the browser console showed since the browser opened (script errors, blocked resources, CSP). */
    public List<String> consoleErrors() {
        collectConsole();
        return List.copyOf(consoleErrors);
    }

    public void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("browser console errors").isEmpty();
    }

    private void collectConsole() {
        String document = driver.getCurrentUrl().replaceFirst("#.*$", "");
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !isDocumentStatus(entry, document)) {
                consoleErrors.add(path() + ": " + entry.getMessage());
            }
        }
    }

    /**
     * Chromium logs a 4xx status of the page itself (a refused form answers 400, the forbidden page 403) like a
     * failed resource; that status is what the test asserts, not a fault of the page. Anything else stays an error.
     */
    private static boolean isDocumentStatus(LogEntry entry, String document) {
        Matcher failed = FAILED_LOAD.matcher(entry.getMessage());
        return failed.matches() && failed.group(1).equals(document);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
