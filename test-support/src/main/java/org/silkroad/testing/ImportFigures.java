package org.silkroad.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The import benchmarks' figures: the bare COPY that the goal is stated against, the import's own figures, and the
 * floors. A floor is what any implementation that keeps the data model pays, measured in the benchmark's own run: the imported
 * rows COPYed into tables shaped and indexed like the service's (an observation row and a revision row per figure,
 * their five indexes), and the published events sent again by a plain producer with the publisher's settings. Their
 * sum against the bare COPY says how close the 3 × goal can come without dropping revisions, the filtered reads'
 * index or full-state events. Used by trade-service's ImportBenchmark (service in the test JVM) and local-system's
 * SystemImportBenchmark (the system as {@code ./observatory run} starts it).
 */
public final class ImportFigures {

    private ImportFigures() {
    }

    /** Seconds for PostgreSQL to COPY the benchmark's CSV (22 columns, header) into a bare table: the goal's yardstick. */
    public static double copyIntoBareTable(String jdbcUrl, Path csv) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_copy");
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < 22; i++) {
                columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" TEXT");
            }
            st.execute("CREATE TABLE bench_copy (" + columns + ")");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            st.execute("DROP TABLE bench_copy");
            return seconds;
        }
    }

    /** The import's own figures against the bare COPY, as both benchmarks print them. */
    public static void printImport(String prefix, int rows, double committedSeconds, double endToEndSeconds, double copySeconds,
                                   Object phaseMs) {
        System.out.printf("%simport, committed:              %8.1f s  %,10.0f rows/s%n", prefix, committedSeconds, rows / committedSeconds);
        System.out.printf("%simport, committed + in Kafka:   %8.1f s  %,10.0f rows/s%n", prefix, endToEndSeconds, rows / endToEndSeconds);
        System.out.printf("%sPostgreSQL COPY, bare table:    %8.1f s  %,10.0f rows/s%n", prefix, copySeconds, rows / copySeconds);
        System.out.printf("%sratio end to end / COPY:        %8.1f x (goal: within 3 x)%n", prefix, endToEndSeconds / copySeconds);
        System.out.printf("%sratio committed / COPY:         %8.1f x%n", prefix, committedSeconds / copySeconds);
        System.out.printf("%sphases on the release (ms): %s%n", prefix, phaseMs);
    }

    /** Measures both floors after the import of {@code release} and prints them against the bare COPY and the import. */
    public static void printFloors(String prefix, String jdbcUrl, String bootstrap, UUID release, double copySeconds,
                                   double importSeconds) throws Exception {
        TableCopy copied = copyIntoIndexedTables(jdbcUrl, release);
        double tables = copied.seconds();
        Resend resent = resendTopic(bootstrap, "trade.observations.v1", "bench.floor." + System.nanoTime());
        double kafka = resent.seconds();
        System.out.printf("%sfloor: COPY into the service's tables with their indexes: %8.1f s  (%.1f x COPY; observations %.1f s, revisions %.1f s)%n",
                prefix, tables, tables / copySeconds, copied.observations(), copied.revisions());
        System.out.printf("%sfloor: plain producer resending the topic's records:      %8.1f s  (%.1f x COPY; %,d records, %,d MB of keys and values)%n",
                prefix, kafka, kafka / copySeconds, resent.records(), resent.megabytes());
        System.out.printf("%sfloor: both, one after the other:                         %8.1f s  (%.1f x COPY); import end to end %.1f x the floor%n",
                prefix, tables + kafka, (tables + kafka) / copySeconds, importSeconds / (tables + kafka));
    }

    /** Seconds to COPY the release's observation rows, then its revision rows, into copies of the service's indexed tables. */
    public record TableCopy(double observations, double revisions) {
        public double seconds() {
            return observations + revisions;
        }
    }

    static TableCopy copyIntoIndexedTables(String jdbcUrl, UUID release) throws Exception {
        Path observations = Files.createTempFile("bench-observations-", ".copy");
        Path revisions = Files.createTempFile("bench-revisions-", ".copy");
        String revisionColumns = "observation_id, version, value_usd, cif_usd, fob_usd, quantity, quantity_unit, "
                + "quantity_estimated, net_weight_kg, net_weight_estimated, original_value, original_unit, note, release_id, "
                + "deleted, known_from, known_until, recorded_at";
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement st = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            // In the import's insertion order (by id), so the indexes see the same order as in the merge.
            try (OutputStream out = Files.newOutputStream(observations)) {
                copy.copyOut("COPY (SELECT * FROM trade_observation WHERE release_id = '" + release + "' ORDER BY id) TO STDOUT", out);
            }
            try (OutputStream out = Files.newOutputStream(revisions)) {
                copy.copyOut("COPY (SELECT " + revisionColumns + " FROM trade_observation_revision WHERE release_id = '"
                        + release + "' ORDER BY seq) TO STDOUT", out);
            }
            st.execute("DROP TABLE IF EXISTS bench_observation, bench_revision");
            st.execute("CREATE TABLE bench_observation (LIKE trade_observation INCLUDING ALL)");
            st.execute("CREATE TABLE bench_revision (LIKE trade_observation_revision INCLUDING ALL)");
            st.execute("CHECKPOINT");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(observations)) {
                copy.copyIn("COPY bench_observation FROM STDIN", in);
            }
            long between = System.nanoTime();
            try (InputStream in = Files.newInputStream(revisions)) {
                copy.copyIn("COPY bench_revision (" + revisionColumns + ") FROM STDIN", in);
            }
            c.commit();
            TableCopy copied = new TableCopy((between - start) / 1e9, (System.nanoTime() - between) / 1e9);
            c.setAutoCommit(true);
            st.execute("DROP TABLE bench_observation, bench_revision");
            return copied;
        } finally {
            Files.deleteIfExists(observations);
            Files.deleteIfExists(revisions);
        }
    }

    /**
     * Seconds for a plain producer with the release publisher's settings to send the records already on the topic
     * (read into memory first, not timed) to a new topic, until Kafka acknowledged the last one.
     */
    record Resend(double seconds, int records, long megabytes) {
    }

    static Resend resendTopic(String bootstrap, String topic, String target) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    records.add(new ProducerRecord<>(target, null, r.key(), r.value(), r.headers()));
                }
            }
        }
        createLike(bootstrap, topic, target);
        AtomicReference<Exception> failed = new AtomicReference<>();
        double seconds;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r, (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            seconds = (System.nanoTime() - start) / 1e9;
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return new Resend(seconds, records.size(), records.stream().mapToLong(r -> r.key().length + (long) r.value().length).sum() >> 20);
    }

    /** The target with the source's partitions and clean-up policy, so the broker does the same work for it. */
    private static void createLike(String bootstrap, String topic, String target) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String cleanup = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            admin.createTopics(List.of(new NewTopic(target, partitions, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup)))).all().get();
        }
    }
}
