package org.silkroad.gateway;

import org.silkroad.testing.EventContract;
import org.silkroad.testing.TopicWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes the owning services' events as they publish them, for the gateway's tests; each payload is checked against its JSON Schema in contracts/. */
public final class Events {

    public static final String OBSERVATIONS = "trade.observations.v1";
    public static final String ASSETS = "corridor.assets.v1";
    public static final String MEASUREMENTS = "corridor.measurements.v1";
    public static final String STATUS = "corridor.status.v1";
    public static final String MILESTONES = "policy.milestones.v1";

    private final TopicWriter writer;
    private final List<Map.Entry<String, String>> sent = new ArrayList<>();
    private final Map<String, Integer> statusSequence = new HashMap<>();
    private final Map<String, String> lastStatus = new HashMap<>();

    public Events(TopicWriter writer) {
        this.writer = writer;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A made-up alpha-3 code no other test uses, so a test's country pair is its own. */
    public static String country() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "X" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    }

    public String observation(String reporter, String partner, String flow, String period, double valueUsd,
                              String document, String statement) {
        String id = UUID.randomUUID().toString();
        String json = """
                {"id":"%s","reporter":"%s","partner":"%s","flow":"%s","period":"%s","commodity":"TOTAL","valueUsd":%s,
                 "source":{"document":"%s","statement":"%s"},"note":null,"version":1,"updatedAt":"2026-11-23T10:00:00Z"}"""
                .formatted(id, reporter, partner, flow, period, valueUsd, document, statement);
        send(OBSERVATIONS, "/trade-service", "org.silkroad.trade.observation.upserted.v1", id, 1, json);
        return id;
    }

    public void asset(String id, String name, long version, String extraJson) {
        String json = """
                {"id":"%s","name":"%s","kind":"border_crossing","countries":["CN","KZ"],"aliases":[],"note":null,
                 "version":%d,"updatedAt":"2026-11-23T10:00:00Z"%s}""".formatted(id, name, version,
                extraJson == null ? "" : "," + extraJson);
        send(ASSETS, "/corridor-service", "org.silkroad.corridor.asset.upserted.v1", id, version, json);
    }

    /**
     * A status transition of an asset as corridor-service publishes it: key = asset id, version = the asset's
     * transition sequence. Returns the key.
     */
    public String status(String assetId, String to, String changedOn) {
        int sequence = statusSequence.merge(assetId, 1, Integer::sum);
        String from = lastStatus.getOrDefault(assetId, "open");
        lastStatus.put(assetId, to);
        send(STATUS, "/corridor-service", "org.silkroad.corridor.status.changed.v1", assetId, sequence, """
                {"assetId":"%s","sequence":%d,"from":"%s","to":"%s","reason":null,"cause":"editor:gateway-test",
                 "windowFrom":null,"windowUntil":null,"changedAt":"%sT00:00:00Z"}""".formatted(assetId, sequence, from, to, changedOn));
        return assetId;
    }

    /** A measurement covering one day ({@code period.value} = that day). */
    public String measurement(String assetId, String metric, double value, String unit, String day) {
        String id = UUID.randomUUID().toString(); // the contract: a measurement id is a UUID
        send(MEASUREMENTS, "/corridor-service", "org.silkroad.corridor.measurement.recorded.v1", id, 1, """
                {"id":"%s","assetId":"%s","metric":"%s","label":null,"value":%s,"unit":"%s","qualifier":"exact",
                 "period":{"value":"%s","type":"day","start":"%s","end":"%s"},"direction":null,"mode":null,
                 "source":"gateway test","note":null,"version":1,"recordedAt":"%sT12:00:00Z"}"""
                .formatted(id, assetId, metric, value, unit, day, day, day, day));
        return id;
    }

    public void milestone(String id, String title, String category, String date, String extraJson) {
        send(MILESTONES, "/policy-service", "org.silkroad.policy.milestone.upserted.v1", id, 1, """
                {"id":"%s","title":"%s","category":"%s","date":"%s","actors":["CN","KZ"],"summary":null,"version":1,
                 "updatedAt":"2026-11-23T10:00:00Z"%s}""".formatted(id, title, category, date,
                extraJson == null ? "" : "," + extraJson));
    }

    public void tombstone(String topic, String source, String id, long version) {
        Map<String, String> headers = TopicWriter.cloudEvent(source, "x", id, version);
        headers.remove("ce_type");
        headers.remove("content-type");
        writer.send(topic, id, null, headers);
    }

    private void send(String topic, String source, String type, String key, long version, String json) {
        // Fixtures must look like what the owning services publish: a drifted fixture would test a reader
        // against data that never occurs.
        List<String> violations = EventContract.violations(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("fixture " + type + " breaks its contract: " + violations + "\n" + json);
        }
        writer.send(topic, key, json, TopicWriter.cloudEvent(source, type, key, version));
        sent.add(Map.entry(topic, key));
    }

    /**
     * Topic and key of every upsert sent since the last call. Records with different keys land on different
     * partitions and topics, so no one record proves that the others have arrived: a test waits for each.
     */
    public List<Map.Entry<String, String>> drainSent() {
        List<Map.Entry<String, String>> drained = List.copyOf(sent);
        sent.clear();
        return drained;
    }
}
