package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkroad.testing.ChartLabels;
import org.silkroad.testing.HeadlessChromium;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.silkroad.local.SystemHttp.asset;
import static org.silkroad.local.SystemHttp.get;
import static org.silkroad.local.SystemHttp.post;
import static org.silkroad.local.SystemHttp.source;

/**
 * The whole system started the way the README's run command starts it: a write through a service with a token shows
 * up in the gateway overview, having travelled through the outbox and Kafka; the dashboard in a real browser shows
 * the sample data and a trade write without reload; a stream subscriber is told of a trade write; stopping it leaves
 * nothing behind. One system for all of it: starting it is the slow part of the build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullSystemIT {

    static final Path TMP = LauncherProcess.LAUNCHER.getParent().resolve("it-tmp");

    static LauncherProcess launcher;
    static RunState state;

    @BeforeAll
    static void startTheLocalSystem() throws Exception {
        Files.createDirectories(TMP);
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(0, leftovers.count(), TMP + " must start empty so leftovers can be seen");
        }
        launcher = LauncherProcess.run(TMP);
        state = launcher.state();
    }

    @AfterAll
    static void stopIfStillRunning() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.stop();
        }
    }

    @Test
    @Order(1)
    void theSampleDataReachedTheGatewayThroughKafka() throws Exception {
        for (String name : List.of("trade", "corridor", "policy")) {
            JsonNode s = source(state.services().get("gateway"), name);
            assertTrue(s.path("aggregateCount").asLong() > 0, name + " has aggregates in the gateway: " + s);
            assertFalse(s.path("lastEventAt").isNull(), name + " has a last event time");
        }
        // The gateway refuses events that break their schema in contracts/: the shipped data must not.
        JsonNode overview = get(state.services().get("gateway") + "/api/dashboard/overview");
        assertEquals(0, overview.path("deadLetters").asLong(), "no sample-data event is a dead letter");
    }

    @Test
    @Order(2)
    void aWriteWithTheTokenCommandIsSeenInTheGatewayOverview() throws Exception {
        String gateway = state.services().get("gateway");
        long before = source(gateway, "corridor").path("aggregateCount").asLong();
        String id = "it-crossing-" + UUID.randomUUID().toString().substring(0, 8);
        String token = LauncherProcess.token(Path.of(state.dataDir()));
        assertEquals(3, token.split("\\.").length, "a JWT: " + token);

        long written = System.nanoTime();
        HttpResponse<String> created = post(state.services().get("corridor-service") + "/api/assets", token, asset(id));
        assertEquals(201, created.statusCode(), created.body());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long after = before;
        while (after != before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            after = source(gateway, "corridor").path("aggregateCount").asLong();
        }
        assertEquals(before + 1, after, "the new asset is counted in the gateway overview");
        System.out.printf("commit-to-gateway latency (write sent to overview updated, polled every 10 ms): %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written));
        assertEquals(id, get(gateway + "/api/read-model/corridor.assets.v1/" + id).path("state").path("id").asText());
    }

    @Test
    @Order(3)
    void theDashboardInABrowserShowsTheSampleDataAndATradeWriteWithoutReload() throws Exception {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missingMessage());
        String gateway = state.services().get("gateway");
        JsonNode overview = get(gateway + "/api/dashboard/overview");
        JsonNode tradeTile = overview.path("kpis").path("trade").path(0);
        assertFalse(tradeTile.isMissingNode(), "the sample data gives a CN–KZ trade tile: " + overview.path("kpis"));
        JsonNode corridors = get(gateway + "/api/dashboard/corridors");
        JsonNode policy = get(gateway + "/api/dashboard/policy");
        JsonNode trend = get(gateway + "/api/dashboard/trade-trend");
        assertTrue(corridors.path("geojson").path("features").size() > 0 && policy.path("milestones").size() > 0
                && trend.path("series").size() > 0 && trend.path("milestones").size() > 0,
                "the sample data fills the map, policy and the trend");

        try (HeadlessChromium chromium = HeadlessChromium.start(1440, 3700)) {
            WebDriver browser = chromium.driver();
            JavascriptExecutor js = (JavascriptExecutor) browser;
            WebDriverWait wait = chromium.waiting(Duration.ofSeconds(60));
            browser.get(gateway + "/");
            wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
            String tile = "CN–KZ trade " + tradeTile.path("year").asText() + ", reported by " + tradeTile.path("reporter").asText();
            wait.until(d -> d.findElement(By.id("kpis")).getText().contains(tile));
            wait.until(d -> d.findElements(By.cssSelector("#corridors tbody tr")).size() == corridors.path("assets").size());
            wait.until(d -> d.findElements(By.cssSelector("#timeline li")).size() == policy.path("milestones").size());

            // No CDN: every script and stylesheet the page loaded is the gateway's own and answered 200.
            List<Map<String, Object>> loaded = resources(js);
            assertTrue(loaded.stream().anyMatch(r -> r.get("name").toString().startsWith(gateway + "/_static/echarts/")),
                    "ECharts from the gateway's jar: " + loaded);
            loaded.forEach(r -> {
                assertTrue(r.get("name").toString().startsWith(gateway + "/"), "from the gateway itself: " + r);
                assertEquals(200L, ((Number) r.get("status")).longValue(), "answered: " + r);
            });

            // What the charts hold, read from ECharts, is what the gateway's views say.
            wait.until(d -> trendDots(js).equals(statements(view(gateway, "trade-trend"))));
            wait.until(d -> chartIds(js, "trend", "milestones").equals(ids(view(gateway, "trade-trend").path("milestones"))));
            wait.until(d -> mapFeatures(js).equals(geojsonFeatures(view(gateway, "corridors"))));
            assertEquals(statements(view(gateway, "trade-trend")), trendDots(js), "every statement of the trend is a dot, none averaged away");
            assertEquals("year", axis(js, "trend", "xAxis").get("name"));
            assertEquals("billion USD (log scale)", axis(js, "trend", "yAxis").get("name"));
            assertEquals("longitude (° E)", axis(js, "map", "xAxis").get("name"));
            assertEquals("latitude (° N)", axis(js, "map", "yAxis").get("name"));
            for (String chart : List.of("mirror", "central-asia")) {
                assertEquals("year", axis(js, chart, "xAxis").get("name"), chart);
                assertTrue(axis(js, chart, "yAxis").get("name").toString().startsWith("billion USD"), chart);
            }
            // The sample's 2015 figure (105.7 bn USD, a unit slip the checks list) is named under the chart.
            wait.until(d -> d.findElement(By.id("trend-outliers")).getText().contains("2015"));
            wait.until(d -> chartsSettled(js));
            for (String chart : List.of("trend", "mirror", "central-asia", "map")) {
                assertEquals(List.of(), overlappingLabels(js, chart), chart + ": no drawn labels overlap");
            }
            // The narrower laptop screen: the charts lay themselves out again, still without overlapping labels.
            js.executeScript("document.querySelectorAll('.chart-figure').forEach(f => f.dataset.settled = 'false');");
            browser.manage().window().setSize(new Dimension(1366, 3700));
            wait.until(d -> ((Number) js.executeScript("return window.innerWidth;")).intValue() < 1400 && chartsSettled(js));
            for (String chart : List.of("trend", "mirror", "central-asia", "map")) {
                assertEquals(List.of(), overlappingLabels(js, chart), chart + " at 1366 px: no drawn labels overlap");
            }
            chromium.screenshot(Path.of("target", "dashboard-running-system-1366.png"));
            js.executeScript("document.querySelectorAll('.chart-figure').forEach(f => f.dataset.settled = 'false');");
            browser.manage().window().setSize(new Dimension(1440, 3700));
            wait.until(d -> ((Number) js.executeScript("return window.innerWidth;")).intValue() > 1400 && chartsSettled(js));

            // The scale toggle switches the trend's y axis.
            WebElement toggle = browser.findElement(By.cssSelector("button.scale-toggle[data-chart='trend']"));
            toggle.click();
            wait.until(d -> "value".equals(axis(js, "trend", "yAxis").get("type")) && chartsSettled(js));
            assertEquals("false", toggle.getAttribute("aria-pressed"));
            assertEquals(List.of(), overlappingLabels(js, "trend"), "linear: no drawn labels overlap");
            chromium.screenshot(Path.of("target", "dashboard-running-system-linear.png"));
            toggle.click();
            wait.until(d -> "log".equals(axis(js, "trend", "yAxis").get("type")));

            js.executeScript("window.__sameDocument = 'yes';");
            String id = postObservation(LauncherProcess.token(Path.of(state.dataDir())), "Browser " + UUID.randomUUID());
            wait.until(d -> !d.findElements(By.cssSelector("#feed li[data-aggregate='" + id + "']")).isEmpty());
            // The figure (KAZ exports to CHN, 2020, 1.23456789 bn USD) is a dot of the trend, drawn without a reload.
            wait.until(d -> trendDots(js).contains("KAZ exports to CHN (reported by KAZ)|2020|1.234568"));
            assertEquals("yes", js.executeScript("return window.__sameDocument;"), "the page updated without a reload");
            wait.until(d -> chartsSettled(js));
            chromium.screenshot(Path.of("target", "dashboard-running-system.png"));
        }
    }

    // ---- the dashboard's charts as ECharts holds them, and the views in the same form ------------------------------

    private static final String CHART_SERIES = """
            const chart = window.echarts && echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart'));
            if (!chart) return [];
            return chart.getOption().series.filter(s => s).map(s => ({id: String(s.id), name: s.name || '', type: s.type,
              data: (s.data || []).filter(d => d).map(d => ({x: d.value ? d.value[0] : null, y: d.value ? d.value[1] : null,
                coords: d.coords || null, id: d.id || null}))}));""";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chartSeries(JavascriptExecutor js, String chart) {
        return (List<Map<String, Object>>) js.executeScript(CHART_SERIES, chart);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> axis(JavascriptExecutor js, String chart, String axis) {
        return (Map<String, Object>) js.executeScript("""
                const a = echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart')).getOption()[arguments[1]];
                return {name: a[0].name || '', type: a[0].type};""", chart, axis);
    }

    /** {@code series|year|bn} of every dot of the trend's yearly series. */
    @SuppressWarnings("unchecked")
    private static Set<String> trendDots(JavascriptExecutor js) {
        Set<String> dots = new TreeSet<>();
        for (Map<String, Object> s : chartSeries(js, "trend")) {
            if (s.get("id").toString().startsWith("trend:")) {
                for (Map<String, Object> d : (List<Map<String, Object>>) s.get("data")) {
                    if (d.get("y") instanceof Number y) {
                        dots.add(dot(s.get("name").toString(), ((Number) d.get("x")).doubleValue(), y.doubleValue()));
                    }
                }
            }
        }
        return dots;
    }

    private static Set<String> statements(JsonNode trend) {
        Set<String> dots = new TreeSet<>();
        trend.path("series").forEach(s -> s.path("points").forEach(p -> p.path("statements").forEach(st ->
                dots.add(dot(s.path("label").asText(), p.path("year").asInt(), st.path("valueUsd").asDouble() / 1e9)))));
        return dots;
    }

    private static String dot(String series, double year, double billions) {
        return series + "|" + Math.round(year) + "|" + String.format(Locale.ROOT, "%.6f", billions);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> chartIds(JavascriptExecutor js, String chart, String seriesId) {
        Set<String> ids = new TreeSet<>();
        chartSeries(js, chart).stream().filter(s -> seriesId.equals(s.get("id")))
                .forEach(s -> ((List<Map<String, Object>>) s.get("data")).forEach(d -> ids.add((String) d.get("id"))));
        return ids;
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** Map feature id → {@code status|coordinates}, as drawn (series named by status) and as in the view's GeoJSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> mapFeatures(JavascriptExecutor js) {
        Map<String, String> features = new TreeMap<>();
        for (Map<String, Object> s : chartSeries(js, "map")) {
            for (Map<String, Object> d : (List<Map<String, Object>>) s.get("data")) {
                Object coords = d.get("coords") != null ? d.get("coords") : List.of(d.get("x"), d.get("y"));
                features.put((String) d.get("id"), s.get("name") + "|" + coordinates(coords));
            }
        }
        return features;
    }

    private static Map<String, String> geojsonFeatures(JsonNode corridors) {
        Map<String, String> features = new TreeMap<>();
        corridors.path("geojson").path("features").forEach(f -> features.put(f.path("properties").path("id").asText(),
                f.path("properties").path("status").asText("unknown") + "|" + coordinates(f.path("geometry").path("coordinates"))));
        return features;
    }

    /** Coordinates with 6 decimals, from the view's JSON or from the browser (where 80 arrives as a Long). */
    private static String coordinates(Object node) {
        if (node instanceof JsonNode number && number.isNumber()) {
            return String.format(Locale.ROOT, "%.6f", number.asDouble());
        }
        if (node instanceof Number number) {
            return String.format(Locale.ROOT, "%.6f", number.doubleValue());
        }
        List<String> parts = new java.util.ArrayList<>();
        ((Iterable<?>) node).forEach(c -> parts.add(coordinates(c)));
        return parts.toString();
    }

    /** A view read inside a browser wait (which takes no checked exceptions). */
    private static JsonNode view(String gateway, String name) {
        try {
            return get(gateway + "/api/dashboard/" + name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> overlappingLabels(JavascriptExecutor js, String chart) {
        return ChartLabels.overlaps(js, chart).pairs();
    }

    /** True once every chart with data has finished drawing and animating (the page's {@code data-settled}). */
    private static boolean chartsSettled(JavascriptExecutor js) {
        return Boolean.TRUE.equals(js.executeScript("""
                return [...document.querySelectorAll('.chart-figure')]
                  .every(f => f.classList.contains('is-empty') || f.dataset.settled === 'true');"""));
    }

    /** The page's scripts and stylesheets as the browser loaded them: address and HTTP status. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(JavascriptExecutor js) {
        return (List<Map<String, Object>>) js.executeScript("""
                return performance.getEntriesByType('resource').filter(e => ['script', 'link', 'css'].includes(e.initiatorType))
                  .map(e => ({name: e.name, status: e.responseStatus}));""");
    }

    @Test
    @Order(4)
    void aTradeWriteReachesASubscribedStreamClient() throws Exception {
        String gateway = state.services().get("gateway");
        try (ViewStreamClient stream = ViewStreamClient.subscribe(gateway)) {
            // A new subscriber gets the current state at once, so a dashboard never starts blank.
            JsonNode current = stream.await(n -> n.path("view").asText().equals("overview"), Duration.ofSeconds(30)).data();
            assertEquals("current", current.path("reason").asText());
            assertTrue(current.path("state").path("kpis").path("trade").size() > 0, "the overview's current state: " + current);

            String token = LauncherProcess.token(Path.of(state.dataDir()));
            String id = postObservation(token, "Stream " + UUID.randomUUID());
            long accepted = System.nanoTime();
            ViewStreamClient.Notification changed = stream.await(n -> ViewStreamClient.reportsChangeOf(n, id), Duration.ofSeconds(30));
            assertEquals("changed", changed.data().path("reason").asText());
            assertTrue(changed.data().path("etag").asText().startsWith("W/"), "the notification names the new ETag");
            System.out.printf("write accepted by trade-service to its notification on /api/stream: %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(changed.receivedNanos() - accepted));
        }
    }

    /** Records a CN–KZ figure through trade-service's API with an editor token; returns the observation's id. */
    private static String postObservation(String token, String document) throws Exception {
        return SystemHttp.observation(state.services().get("trade-service"), token, document, 1_234_567_890);
    }

    @Test
    @Order(5)
    void aWriteWithoutATokenIsUnauthorized() throws Exception {
        assertEquals(401, post(state.services().get("trade-service") + "/api/observations", null, "{}").statusCode());
    }

    @Test
    @Order(6)
    void stoppingTheLauncherLeavesNoProcessAndNoTemporaryDirectory() throws Exception {
        assertTrue(launcher.stop(), "the launcher ends");
        for (Map.Entry<String, Long> service : state.pids().entrySet()) {
            assertFalse(ProcessHandle.of(service.getValue()).map(ProcessHandle::isAlive).orElse(false),
                    service.getKey() + " process is gone");
        }
        assertFalse(Files.exists(Path.of(state.dataDir())), "the temporary data directory is deleted");
        try (Stream<Path> leftovers = Files.list(TMP)) {
            assertEquals(List.of(), leftovers.toList(), "nothing is left in the temp folder");
        }
    }
}
