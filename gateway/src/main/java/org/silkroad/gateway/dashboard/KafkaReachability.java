package org.silkroad.gateway.dashboard;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the gateway can reach Kafka right now. The consumers cannot say so themselves (they just receive
 * nothing), so a small admin call asks the cluster every few seconds; views mark every source stale while it fails.
 */
@ApplicationScoped
public class KafkaReachability {

    private final String bootstrapServers;
    private volatile Admin admin;
    private volatile OffsetDateTime unreachableSince;

    KafkaReachability(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${gateway.freshness.kafka-check-every:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            admin().describeCluster().nodes().get(2, TimeUnit.SECONDS);
            unreachableSince = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (unreachableSince == null) {
                unreachableSince = OffsetDateTime.now(ZoneOffset.UTC);
            }
        }
    }

    /** Null while Kafka answers. */
    public OffsetDateTime unreachableSince() {
        return unreachableSince;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
                    AdminClientConfig.CLIENT_ID_CONFIG, "gateway-reachability"));
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
