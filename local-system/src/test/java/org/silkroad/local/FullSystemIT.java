package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkroad.testing.HeadlessChromium;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertTrue(corridors.path("assets").size() > 0 && policy.path("milestones").size() > 0
                && trend.path("series").size() > 0, "the sample data fills corridors, policy and the trend");

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = chromium.waiting(Duration.ofSeconds(60));
            browser.get(gateway + "/");
            wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
            String tile = "CN–KZ trade " + tradeTile.path("year").asText() + ", reported by " + tradeTile.path("reporter").asText();
            wait.until(d -> d.findElement(By.id("kpis")).getText().contains(tile));
            wait.until(d -> !d.findElements(By.cssSelector("#trend svg circle")).isEmpty());
            wait.until(d -> !d.findElements(By.cssSelector("#trend svg g.milestone")).isEmpty());
            wait.until(d -> d.findElements(By.cssSelector("#corridors tbody tr")).size() == corridors.path("assets").size());
            wait.until(d -> d.findElements(By.cssSelector("#timeline li")).size() == policy.path("milestones").size());
            if (corridors.path("geojson").path("features").size() > 0) {
                wait.until(d -> !d.findElements(By.cssSelector("#map svg g")).isEmpty());
            }
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("window.__sameDocument = 'yes';");

            String id = postObservation(LauncherProcess.token(Path.of(state.dataDir())), "Browser " + UUID.randomUUID());
            wait.until(d -> !d.findElements(By.cssSelector("#feed li[data-aggregate='" + id + "']")).isEmpty());
            assertEquals("yes", js.executeScript("return window.__sameDocument;"), "the page updated without a reload");
            chromium.screenshot(Path.of("target", "dashboard-running-system.png"));
        }
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
