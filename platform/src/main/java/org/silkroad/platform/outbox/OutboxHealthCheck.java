package org.silkroad.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog. It stays UP while Kafka is away: the service still accepts writes, which wait in the
 * outbox, so taking the pod out of the load balancer would only turn an outage of Kafka into one of the service.
 */
@Readiness
@ApplicationScoped
class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("pending", relay.pendingCount());
        if (relay.lastSuccess() != null) {
            response.withData("lastPublished", relay.lastSuccess().toString());
        }
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        return response.build();
    }
}
