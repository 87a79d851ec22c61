package org.silkroad.testing;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The system's Chromium (Debian packages {@code chromium}, {@code chromium-driver}) driven by Selenium, headless, for
 * the dashboard's browser tests. The driver path is given explicitly so Selenium Manager never tries to download a
 * browser (it cannot here); the profile lives under {@code target/} because Chromium writes into it.
 *
 * <p>Selenium is an optional dependency of test-support: a module using this class declares
 * {@code selenium-java} itself.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /** True where the Debian packages are installed; tests skip (not fail) elsewhere, saying what to install. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    public static String missingMessage() {
        return "no " + BROWSER + " or " + DRIVER + ": install the Debian packages chromium and chromium-driver to run the browser test";
    }

    /** Starts a headless browser with a fresh profile under {@code target/}, a laptop-wide window (1440 × 2200). */
    public static HeadlessChromium start() throws IOException {
        return start(1440, 2200);
    }

    /**
     * Starts it with a window of this size: as tall as the page, a screenshot shows all of it (the layout depends on
     * the width only).
     */
    public static HeadlessChromium start(int width, int height) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Path profile = Files.createTempDirectory(target, "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration atMost) {
        return new WebDriverWait(driver, atMost);
    }

    /** Saves what the browser shows as a PNG, e.g. {@code target/dashboard.png}. */
    public Path screenshot(Path file) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
