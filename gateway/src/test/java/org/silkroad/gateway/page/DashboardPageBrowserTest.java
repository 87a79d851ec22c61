package org.silkroad.gateway.page;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkroad.gateway.Events;
import org.silkroad.testing.HeadlessChromium;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the dashboard in the system's headless Chromium: the data written to the topics shows in the tiles and
 * charts, and one more event appears on the page without a reload. Needs the Debian packages chromium and
 * chromium-driver; skipped (not failed) where they are absent.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class DashboardPageBrowserTest {

    @TestHTTPResource("/")
    URL page;

    @Test
    void theDashboardShowsTheReadModelAndUpdatesLiveWithoutReload() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missingMessage());
        String s = Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            Events events = new Events(writer);
            events.observation("KAZ", "CHN", "export", "2019", 9.1e9, "Browser doc " + s, "Table 1.1");
            String last = events.observation("KAZ", "CHN", "import", "2019", 5.6e9, "Browser doc " + s, "Table 1.1");
            events.milestone("browser-bri-" + s, "Belt and Road " + s, "strategy", "2013-09", null);
            events.asset("browser-" + s, "Browser crossing " + s, 1, "\"location\":{\"type\":\"Point\",\"coordinates\":[80.3,44.1]}");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/read-model/trade.observations.v1/" + last).then().statusCode(200));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/read-model/corridor.assets.v1/browser-" + s).then().statusCode(200));

            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                WebDriver browser = chromium.driver();
                browser.get(page.toString());
                WebDriverWait wait = chromium.waiting(Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
                wait.until(d -> d.findElement(By.id("kpis")).getText().contains("reported by KAZ"));
                wait.until(d -> !d.findElements(By.cssSelector("#trend svg circle")).isEmpty());
                wait.until(d -> !d.findElements(By.cssSelector("#trend svg g.milestone")).isEmpty());
                wait.until(d -> d.findElement(By.id("timeline")).getText().contains("Belt and Road " + s));
                wait.until(d -> d.findElement(By.id("map")).getText().contains("Browser crossing " + s));
                assertFalse(browser.findElement(By.id("kpis")).getText().isBlank());
                browser.findElement(By.tagName("body")).sendKeys(""); // the page stays the same document from here on
                Object marker = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__loadMarker = 'same page';");

                String live = "Live crossing " + s;
                events.asset("browser-live-" + s, live, 1, null);
                wait.until(d -> d.findElement(By.id("feed")).getText().contains(live));
                wait.until(d -> d.findElement(By.id("corridors")).getText().contains(live));
                Object still = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__loadMarker;");
                assertTrue(marker.equals(still), "updated without a reload");

                chromium.screenshot(Path.of("target", "dashboard.png"));
            }
        }
    }
}
