package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A subscriber of the gateway's {@code /api/stream}, as a dashboard holds it: reads the Server-Sent Events on its own
 * thread and queues every {@code view} event's data with the time it arrived.
 */
final class ViewStreamClient implements AutoCloseable {

    /** One {@code view} event and when it was read (System.nanoTime). */
    record Notification(JsonNode data, long receivedNanos) {
    }

    private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private ViewStreamClient(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "view-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    static ViewStreamClient subscribe(String gatewayUrl) throws Exception {
        HttpResponse<Stream<String>> response = SystemHttp.HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), "the stream answers");
        return new ViewStreamClient(response.body());
    }

    private void read() {
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if ("view".equals(event) && !data.isEmpty()) {
                        received.add(new Notification(SystemHttp.JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // closed
        }
    }

    /** The first notification (from now on) that matches, or an AssertionError naming what was seen instead. */
    Notification await(Predicate<JsonNode> wanted, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int seen = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            Notification next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("no matching notification on /api/stream within " + atMost + " (" + seen + " others)");
            }
            seen++;
            if (wanted.test(next.data())) {
                return next;
            }
        }
    }

    /** True when the notification reports a change of this aggregate. */
    static boolean reportsChangeOf(JsonNode notification, String aggregateId) {
        for (JsonNode change : notification.path("changes")) {
            if (aggregateId.equals(change.path("aggregateId").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
