package org.silkroad.gateway.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkroad.gateway.Events;
import org.silkroad.testing.ChartLabels;
import org.silkroad.testing.HeadlessChromium;
import org.silkroad.testing.KafkaOutage;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.gateway.page.DashboardInBrowser.axisName;
import static org.silkroad.gateway.page.DashboardInBrowser.axisType;

/**
 * Opens the dashboard in the system's headless Chromium and reads what its ECharts charts hold (not how they look):
 * every statement of the trend view is a dot and disagreeing years are marked, the milestones are on the chart, the
 * map holds every GeoJSON feature with its status, every chart names its axes with units, the scale toggle switches
 * the y axis, no drawn labels overlap, the page loads nothing from elsewhere, and a write shows up without a reload.
 * Needs the Debian packages chromium and chromium-driver; skipped (not failed) where they are absent.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class DashboardPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL page;

    @Test
    void theDashboardChartsHoldTheViewsAndUpdateLiveWithoutReload() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missingMessage());
        String s = Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            Events events = new Events(writer);
            events.observation("KAZ", "CHN", "export", "2019", 9.1e9, "Browser doc " + s, "Table 1.1");
            events.observation("KAZ", "CHN", "import", "2019", 5.6e9, "Browser doc " + s, "Table 1.1");
            // Two sources disagree about 2018's exports: both must be dots, marked, and nothing in between.
            events.observation("KAZ", "CHN", "export", "2018", 4.0e9, "Browser doc " + s, "Table 2");
            String last = events.observation("KAZ", "CHN", "export", "2018", 4.6e9, "Other doc " + s, "p. 7");
            events.observation("CHN", "CENTRAL_ASIA_5", "total", "2019", 46.3e9, "Browser doc " + s, "Table 3.1");
            events.observation("CHN", "CENTRAL_ASIA_5", "total", "2020", 38.6e9, "Browser doc " + s, "Table 3.1");
            events.milestone("browser-bri-" + s, "Belt and Road " + s, "strategy", "2013-09", null);
            events.asset("browser-" + s, "Browser crossing " + s, 1, "\"location\":{\"type\":\"Point\",\"coordinates\":[80.3,44.1]}");
            events.asset("browser-rail-" + s, "Browser railway " + s, 1,
                    "\"location\":{\"type\":\"LineString\",\"coordinates\":[[76.9,43.2],[80.3,44.1],[87.6,43.8]]}");
            events.status("browser-rail-" + s, "congested", "2026-11-01");
            await().atMost(PATIENCE).untilAsserted(() ->
                    given().get("/api/read-model/trade.observations.v1/" + last).then().statusCode(200));
            await().atMost(PATIENCE).untilAsserted(() ->
                    given().get("/api/read-model/corridor.status.v1/browser-rail-" + s).then().statusCode(200));

            try (HeadlessChromium chromium = HeadlessChromium.start(1440, 3700)) {
                WebDriver browser = chromium.driver();
                DashboardInBrowser dashboard = new DashboardInBrowser(browser);
                browser.get(page.toString());
                WebDriverWait wait = chromium.waiting(PATIENCE);
                wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
                wait.until(d -> d.findElement(By.id("kpis")).getText().contains("reported by KAZ"));

                everyScriptAndStyleComesFromTheGatewayItself(dashboard);

                // The trend: every statement of the view is a dot, disagreements marked, milestones on the same chart.
                awaitEqual(() -> DashboardInBrowser.statements(view("trade-trend")),
                        () -> DashboardInBrowser.yearDots(dashboard.chart("trend")), "trend dots = the view's statements");
                assertTrue(DashboardInBrowser.conflictYears(view("trade-trend")).contains("KAZ exports to CHN (reported by KAZ)|2018"),
                        "the fixture's disagreement is in the view");
                assertEquals(DashboardInBrowser.conflictYears(view("trade-trend")),
                        DashboardInBrowser.conflictYears(dashboard.chart("trend")), "disagreeing years are marked");
                awaitEqual(() -> DashboardInBrowser.milestoneIds(view("trade-trend")),
                        () -> DashboardInBrowser.milestones(dashboard.chart("trend")).keySet(), "milestones on the trend");
                assertTrue(DashboardInBrowser.milestones(dashboard.chart("trend")).get("browser-bri-" + s).contains("2013-09: Belt and Road " + s),
                        "a milestone's tooltip has its date and full title");

                awaitEqual(() -> DashboardInBrowser.mirrorValues(view("mirror")),
                        () -> DashboardInBrowser.yearValues(dashboard.chart("mirror")), "mirror figures");
                awaitEqual(() -> DashboardInBrowser.statements(view("central-asia")),
                        () -> DashboardInBrowser.yearDots(dashboard.chart("central-asia")), "Central Asia figures");
                awaitEqual(() -> DashboardInBrowser.geojsonFeatures(view("corridors")),
                        () -> DashboardInBrowser.mapFeatures(dashboard.chart("map")), "map features with status and coordinates");
                assertTrue(DashboardInBrowser.mapFeatures(dashboard.chart("map")).get("browser-rail-" + s).startsWith("congested|"),
                        "a line is drawn in its status");

                everyChartNamesItsAxesWithUnitsAndDescribesItself(dashboard);
                theScaleToggleSwitchesTheTrendBetweenLogarithmicAndRoundLinearTicks(browser, dashboard, wait);
                theMilestonesAndFiguresAreReachableByKeyboard(browser, wait);
                wait.until(d -> dashboard.chartsSettled());
                for (String chart : List.of("trend", "mirror", "central-asia", "map")) {
                    ChartLabels.Overlaps overlaps = dashboard.overlaps(chart);
                    assertTrue(overlaps.drawn() > 5, chart + " draws its labels: " + overlaps);
                    assertEquals(List.of(), overlaps.pairs(), chart + ": no drawn labels overlap");
                }

                dashboard.script("window.__loadMarker = 'same page';");
                String live = "Live crossing " + s;
                events.asset("browser-live-" + s, live, 1, "\"location\":{\"type\":\"Point\",\"coordinates\":[82.5,45.2]}");
                events.observation("KAZ", "CHN", "import", "1997", 7.77e8, "Live doc " + s, "Table 9");
                wait.until(d -> d.findElement(By.id("feed")).getText().contains(live));
                wait.until(d -> d.findElement(By.id("corridors")).getText().contains(live));
                wait.until(d -> DashboardInBrowser.mapFeatures(dashboard.chart("map")).containsKey("browser-live-" + s));
                wait.until(d -> DashboardInBrowser.yearDots(dashboard.chart("trend"))
                        .contains("KAZ imports from CHN (reported by KAZ)|1997|0.777000"));
                assertEquals("same page", dashboard.script("return window.__loadMarker;"), "updated without a reload");

                wait.until(d -> dashboard.chartsSettled());
                chromium.screenshot(Path.of("target", "dashboard.png"));
            }
        }
    }

    @Test
    void aStaleSourceIsSaidAboveItsChartsWhichKeepWhatTheyHold() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missingMessage());
        String s = Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            String id = new Events(writer).observation("KAZ", "CHN", "total", "2016", 7.9e9, "Stale doc " + s, "Table 1.1");
            await().atMost(PATIENCE).untilAsserted(() ->
                    given().get("/api/read-model/trade.observations.v1/" + id).then().statusCode(200));
        }
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            DashboardInBrowser dashboard = new DashboardInBrowser(browser);
            browser.get(page.toString());
            WebDriverWait wait = chromium.waiting(Duration.ofSeconds(60));
            WebElement banner = browser.findElement(By.cssSelector("section[data-view='trade-trend'] .stale-banner"));
            wait.until(d -> DashboardInBrowser.yearDots(dashboard.chart("trend")).contains("KAZ–CHN total trade (reported by KAZ)|2016|7.900000"));
            assertFalse(banner.isDisplayed(), "no banner while the sources are current");
            KafkaOutage.begin();
            try {
                wait.until(d -> banner.isDisplayed() && banner.getText().contains("trade") && banner.getText().contains("Kafka"));
                assertTrue(browser.findElement(By.cssSelector("section[data-view='trade-trend']")).getAttribute("class").contains("is-stale"));
                assertTrue(DashboardInBrowser.yearDots(dashboard.chart("trend")).contains("KAZ–CHN total trade (reported by KAZ)|2016|7.900000"),
                        "the chart keeps what the read model holds");
                wait.until(d -> dashboard.chartsSettled());
                chromium.screenshot(Path.of("target", "dashboard-stale.png"));
            } finally {
                KafkaOutage.end();
            }
            wait.until(d -> !banner.isDisplayed());
        }
    }

    /** No CDN: every script and stylesheet is the gateway's own, answers 200, and the chart library really ran. */
    private void everyScriptAndStyleComesFromTheGatewayItself(DashboardInBrowser dashboard) {
        String origin = URI.create(page.toString()).resolve("/").toString();
        List<Map<String, Object>> loaded = dashboard.resources().stream()
                .filter(r -> List.of("script", "link", "css").contains(r.get("initiator"))).toList();
        assertTrue(loaded.stream().anyMatch(r -> ((String) r.get("name")).contains("/_static/echarts/")),
                "ECharts comes from the gateway's jar: " + loaded);
        assertTrue(loaded.size() >= 3, "the page's stylesheet and two scripts: " + loaded);
        loaded.forEach(r -> {
            assertTrue(((String) r.get("name")).startsWith(origin), "from the gateway itself: " + r);
            assertEquals(200L, ((Number) r.get("status")).longValue(), "answered: " + r);
        });
        assertEquals(List.of(), dashboard.script("""
                return [...document.querySelectorAll('script[src], link[href]')].map(e => e.src || e.href)
                  .filter(u => !u.startsWith(location.origin) && !u.startsWith('data:'));"""), "no outside addresses at all");
        assertNotNull(dashboard.script("return window.echarts && echarts.version;"), "ECharts loaded");
    }

    private static void everyChartNamesItsAxesWithUnitsAndDescribesItself(DashboardInBrowser dashboard) {
        for (String chart : List.of("trend", "mirror", "central-asia")) {
            Map<String, Object> option = dashboard.chart(chart);
            assertEquals("year", axisName(option, "xAxis", 0), chart);
            assertTrue(axisName(option, "yAxis", 0).startsWith("billion USD"), chart + ": " + axisName(option, "yAxis", 0));
            assertFalse(((List<?>) option.get("legend")).isEmpty(), chart + " has a legend");
        }
        Map<String, Object> map = dashboard.chart("map");
        assertEquals("longitude (° E)", axisName(map, "xAxis", 0));
        assertEquals("latitude (° N)", axisName(map, "yAxis", 0));
        assertTrue(((List<?>) map.get("legend")).contains("congested"), "the map's legend names the statuses: " + map.get("legend"));
        for (String chart : List.of("trend", "mirror", "central-asia", "map")) {
            Map<String, Object> option = dashboard.chart(chart);
            assertEquals(true, option.get("aria"), chart + ": ECharts aria is on");
            assertFalse(((String) option.get("ariaLabel")).isBlank(), chart + " describes itself to screen readers");
        }
    }

    private static void theScaleToggleSwitchesTheTrendBetweenLogarithmicAndRoundLinearTicks(WebDriver browser,
            DashboardInBrowser dashboard, WebDriverWait wait) {
        WebElement toggle = browser.findElement(By.cssSelector("button.scale-toggle[data-chart='trend']"));
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        assertEquals("log", axisType(dashboard.chart("trend"), "yAxis", 0), "the trend starts logarithmic");
        toggle.click();
        wait.until(d -> "value".equals(axisType(dashboard.chart("trend"), "yAxis", 0)) && dashboard.chartsSettled());
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        assertEquals("billion USD", axisName(dashboard.chart("trend"), "yAxis", 0));
        List<Number> ticks = dashboard.yTicks("trend");
        assertTrue(ticks.size() >= 3, "ticks: " + ticks);
        double step = ticks.get(1).doubleValue() - ticks.get(0).doubleValue();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
        assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9), "a round step: " + ticks);
        ticks.forEach(t -> assertEquals(0, Math.abs(t.doubleValue() / step - Math.round(t.doubleValue() / step)), 1e-9,
                "every tick a multiple of the step: " + ticks));
        toggle.sendKeys(Keys.SPACE); // a real button: the keyboard works too
        wait.until(d -> "log".equals(axisType(dashboard.chart("trend"), "yAxis", 0)));
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        assertEquals("billion USD (log scale)", axisName(dashboard.chart("trend"), "yAxis", 0));
    }

    private static void theMilestonesAndFiguresAreReachableByKeyboard(WebDriver browser, WebDriverWait wait) throws Exception {
        JsonNode trend = view("trade-trend");
        WebElement figure = browser.findElement(By.id("trend"));
        assertEquals("0", figure.getAttribute("tabindex"), "the chart takes the focus");
        figure.sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> !d.findElement(By.id("trend-live")).getAttribute("textContent").isBlank());
        String said = browser.findElement(By.id("trend-live")).getAttribute("textContent");
        boolean aMilestone = false;
        for (JsonNode m : trend.path("milestones")) {
            aMilestone |= said.startsWith(m.path("date").asText() + ": " + m.path("title").asText());
        }
        assertTrue(aMilestone, "↓ announces a milestone with its full title: " + said);
        figure.sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> d.findElement(By.id("trend-live")).getAttribute("textContent").contains("bn USD"));
        figure.sendKeys(Keys.ESCAPE);
    }

    private static JsonNode view(String name) throws Exception {
        return JSON.readTree(given().get("/api/dashboard/" + name).then().statusCode(200).extract().asString());
    }

    /** Polls until the page holds what the view says (the stream may still be delivering), then compares once more. */
    private static <T> void awaitEqual(Callable<T> expected, Callable<T> actual, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            T want = expected.call();
            if (Objects.equals(want, actual.call())) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(expected.call(), actual.call(), what);
    }

    @FunctionalInterface
    private interface Callable<T> {
        T call() throws Exception;
    }
}
