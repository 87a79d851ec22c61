package org.silkroad.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void postgresServesTheDatabasesItCreatesAndKeepsThemAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), dir.resolve("bin"), Ports.free())) {
            pg.createDatabase("trade");
            pg.createDatabase("trade");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("trade"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE kept(v int); INSERT INTO kept VALUES (42)");
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), dir.resolve("bin"), Ports.free());
             Connection c = DriverManager.getConnection(pg.jdbcUrl("trade"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void aDurableServerFlushesEveryCommitWhileATestServerTradesThatForSpeed() throws Exception {
        try (EmbeddedPostgresServer durable = EmbeddedPostgresServer.start(dir.resolve("durable"), dir.resolve("bin"), Ports.free(), true)) {
            assertEquals(List.of("on", "on", "on"), crashSafety(durable));
        }
        try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.start(dir.resolve("fast"), dir.resolve("bin"), Ports.free(), false)) {
            assertEquals(List.of("off", "off", "off"), crashSafety(fast));
        }
    }

    private static List<String> crashSafety(EmbeddedPostgresServer pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
                     + "current_setting('full_page_writes')")) {
            assertTrue(rs.next());
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    @Test
    void kafkaKeepsRecordsWhenStoppedAndRestartedAndWhenStartedAgainOnTheSameDirectory() {
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(dir.resolve("kafka"), Ports.free())) {
            Map<String, Object> producerConfig = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all");
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("smoke", "k", "before-restart")).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            broker.stop();
            broker.restart();
            assertEquals("before-restart", firstValue(broker, "after-restart"));
        }
        // A new run on a kept data directory: the stored cluster must be reused, not formatted again.
        try (KafkaKraftBroker again = KafkaKraftBroker.start(dir.resolve("kafka"), Ports.free())) {
            assertEquals("before-restart", firstValue(again, "after-new-start"));
        }
    }

    private static String firstValue(KafkaKraftBroker broker, String group) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            String value = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (value == null && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    value = r.value();
                }
            }
            return value;
        }
    }
}
