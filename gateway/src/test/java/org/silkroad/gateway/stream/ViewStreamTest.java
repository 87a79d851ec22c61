package org.silkroad.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.Events;
import org.silkroad.gateway.dashboard.DashboardViews;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class ViewStreamTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/stream")
    URI stream;

    @Test
    void aSubscriberGetsEveryViewAtOnceAndThenTheChangeAfterAnEventIsWritten() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null));
        BlockingQueue<String> data = new ArrayBlockingQueue<>(10_000);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            List<String> current = new ArrayList<>();
            for (int i = 0; i < DashboardViews.STREAMED.size(); i++) {
                String event = data.poll(20, TimeUnit.SECONDS);
                assertNotNull(event, "current state of every view arrives at once");
                current.add(event);
            }
            for (String view : DashboardViews.STREAMED) {
                assertTrue(current.stream().anyMatch(e -> e.contains("\"view\":\"" + view + "\"") && e.contains("\"reason\":\"current\"")),
                        "current state of " + view);
            }
            String id = "stream-" + Events.suffix();
            try (TopicWriter writer = TopicWriter.open()) {
                new Events(writer).asset(id, "Streamed crossing", 1, null);
            }
            long deadline = System.currentTimeMillis() + 30_000;
            String notification = null;
            boolean feedNamedIt = false;
            while (System.currentTimeMillis() < deadline && (notification == null || !feedNamedIt)) {
                String event = data.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    continue;
                }
                // The board's new state, whether named by this change or sent by a refresh that ran just before it.
                if (event.contains("\"view\":\"corridors\"") && event.contains("Streamed crossing")) {
                    notification = event;
                }
                JsonNode n = JSON.readTree(event);
                if (n.path("view").asText().equals("events")) {
                    for (JsonNode change : n.path("changes")) {
                        feedNamedIt |= change.path("aggregateId").asText().equals(id);
                    }
                }
            }
            assertTrue(feedNamedIt, "the feed's notification names the change");
            assertNotNull(notification, "the corridor board's change reached the subscriber");
            assertTrue(notification.contains("\"etag\":\"W/"), notification.substring(0, Math.min(300, notification.length())));
            assertTrue(notification.contains("Streamed crossing"), "the new state travels with the notification");
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    @Test
    void aBurstOfChangesIsNamedOrCountedButNeverSilentlyDropped() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<JsonNode> feed = new ArrayBlockingQueue<>(10_000);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:") && line.contains("\"view\":\"events\"")) {
                        feed.add(JSON.readTree(line.substring(5).trim()));
                    }
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode current = feed.poll(20, TimeUnit.SECONDS);
            assertNotNull(current, "the feed's current state arrives first");
            int burst = 300;
            String prefix = "burst-" + Events.suffix() + "-";
            try (TopicWriter writer = TopicWriter.open()) {
                Events events = new Events(writer);
                for (int i = 0; i < burst; i++) {
                    events.asset(prefix + i, "Burst " + i, 1, null);
                }
            }
            // Every change of the burst is either named or counted by exactly one feed notification; other tests'
            // changes can only add to the count, never make up for one of ours that went missing.
            int named = 0;
            int omitted = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (named + omitted < burst && System.currentTimeMillis() < deadline) {
                JsonNode n = feed.poll(1, TimeUnit.SECONDS);
                if (n == null || !n.path("reason").asText().equals("changed")) {
                    continue;
                }
                assertTrue(n.path("changes").size() <= 50, "a notification names at most 50 changes");
                for (JsonNode change : n.path("changes")) {
                    named += change.path("aggregateId").asText().startsWith(prefix) ? 1 : 0;
                }
                omitted += n.path("changesOmitted").asInt(-1_000_000);
            }
            assertTrue(named + omitted >= burst, "named " + named + " + omitted " + omitted + " of a burst of " + burst);
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }
}
