package org.silkroad.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event waiting to be (or already) published. A row with a null payload is a Kafka tombstone for its key.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Assigned at insert; the relay publishes in this order, which keeps the order of each aggregate's changes. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long sequence;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;

    /** CloudEvents type; null for a tombstone. */
    @Column(name = "event_type")
    public String eventType;

    /** JSON text of the aggregate's full state; null for a tombstone. */
    @Column(columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public boolean isTombstone() {
        return payload == null;
    }
}
