package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpy2j.demo.support.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in a real browser (headless Chromium from the system's packages, driven by Selenium through
 * the system's chromedriver), as a newcomer uses it: one page, loaded once, every action in turn.
 * Skipped, saying why, where Chromium is not installed; CI installs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPageBrowserTests {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        Optional<Path> chromium = Executables.onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = Executables.onPath("chromedriver");
        String reason = "skipped: needs Chromium and chromedriver on the PATH (Debian: apt-get install -y chromium "
                + "chromium-driver; .ci/run installs them); found browser " + chromium + ", driver " + driver;
        if (chromium.isEmpty() || driver.isEmpty()) {
            System.out.println("[demo test] " + reason); // Surefire's summary counts skips without reasons
        }
        assumeTrue(chromium.isPresent() && driver.isPresent(), reason);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2300");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            Path shot = Path.of("target", "demo-page.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void showsThreeTwinsUpWithTheirJdkVersions() {
        browser.get("http://localhost:" + port + "/");

        for (String twin : List.of("modern", "isolated", "legacy")) {
            waitFor(twin + " UP", () -> "UP".equals(cardText(twin, ".status")));
            assertThat(cardText(twin, ".java")).as(twin).matches("\\d+\\.\\d+.* \\(.+\\)");
        }
        boolean modernOn25 = cardText("modern", ".java").startsWith("25");
        String warnings = browser.findElement(By.id("warnings")).getText();
        assertThat(modernOn25 || warnings.contains("asks for Java 25")).as("Java 25 or a warning: " + warnings).isTrue();
    }

    @Test
    @Order(2)
    void runsTheSieveAndShowsTheImage() {
        WebElement section = browser.findElement(By.id("sieve"));
        browser.findElement(By.id("run-sieve")).click();

        waitFor("an image or an error", () -> imageWidth() > 0 || errorShown(section));
        if (cardText("modern", ".java").startsWith("25")) {
            assertThat(imageWidth()).isGreaterThan(600);
            assertThat(text(section, "figcaption")).contains("78,498 primes").contains("Java 25");
        } else {
            assertThat(text(section, ".error")).contains("the modern twin is unavailable");
        }
    }

    @Test
    @Order(3)
    void runsSumSeriesBothWays() {
        WebElement section = browser.findElement(By.id("series"));
        browser.findElement(By.id("run-series")).click();

        waitFor("two timed runs", () -> section.findElements(By.cssSelector("tbody tr")).size() == 2);
        List<WebElement> rows = section.findElements(By.cssSelector("tbody tr"));
        assertThat(rows.get(0).getText()).startsWith("unpinned master").endsWith("50000000 => 1249999975000000");
        assertThat(rows.get(1).getText()).startsWith("pinned modern").endsWith("50000000 => 1249999975000000");
    }

    @Test
    @Order(4)
    void crashesTheIsolatedTwinAndSeesItComeBack() {
        String pid = cardText("isolated", ".pid");
        browser.findElement(By.id("crash-oom")).click();

        waitFor("the crash reported", () -> text(browser.findElement(By.id("isolated")), "#isolated-result")
                .contains("died"));
        assertThat(text(browser.findElement(By.id("isolated")), "#isolated-result")).contains("OutOfMemoryError");
        waitFor("isolated restarting", () -> !"UP".equals(cardText("isolated", ".status")));
        waitFor("isolated UP in a new JVM", () -> "UP".equals(cardText("isolated", ".status"))
                && !pid.equals(cardText("isolated", ".pid")));
        assertThat(cardText("isolated", ".failure")).contains("exit status 3");
    }

    @Test
    @Order(5)
    void callsTheLegacyLibraryAndSeesTwoDifferentAnswers() {
        browser.findElement(By.id("run-legacy")).click();

        waitFor("two answers", () -> text(browser.findElement(By.id("legacy")), "#legacy-twin").contains("URI"));
        String master = text(browser.findElement(By.id("legacy")), "#legacy-master");
        String twin = text(browser.findElement(By.id("legacy")), "#legacy-twin");
        assertThat(master).contains("SnakeYAML 2.").contains("refused").contains("Global tag is not allowed");
        assertThat(twin).contains("SnakeYAML 1.33").contains("loaded a java.net.URI").contains("https://cpy2j.io/demo");
    }

    @Test
    @Order(6)
    void showsAnErrorRatherThanNothing() {
        WebElement section = browser.findElement(By.id("sieve"));
        WebElement limit = browser.findElement(By.id("sieve-limit"));
        limit.clear();
        limit.sendKeys("5");
        // Past the browser's own min/max check, as a hand-edited request would be.
        ((JavascriptExecutor) browser).executeScript("arguments[0].noValidate = true", section.findElement(By.tagName("form")));
        browser.findElement(By.id("run-sieve")).click();

        waitFor("the error", () -> errorShown(section));
        assertThat(text(section, ".error")).contains("limit must be between 100 and");
        limit.clear();
        limit.sendKeys("1000000");
    }

    private static WebElement card(String twin) {
        return browser.findElement(By.cssSelector(".twin[data-twin='" + twin + "']"));
    }

    /**
     * A field of a twin's card. The page redraws the cards every second, so an element found a moment
     * ago may be gone: look it up again rather than read a stale one.
     */
    private static String cardText(String twin, String selector) {
        for (int attempt = 1; ; attempt++) {
            try {
                return text(card(twin), selector);
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static String text(WebElement root, String selector) {
        List<WebElement> found = root.findElements(By.cssSelector(selector));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static boolean errorShown(WebElement section) {
        return section.findElement(By.cssSelector(".error")).isDisplayed();
    }

    private static long imageWidth() {
        Object width = ((JavascriptExecutor) browser).executeScript(
                "const i = document.getElementById('sieve-image'); return i.complete ? i.naturalWidth : 0;");
        return width instanceof Number n ? n.longValue() : 0;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
