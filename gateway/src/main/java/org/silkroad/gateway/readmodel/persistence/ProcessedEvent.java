package org.silkroad.gateway.readmodel.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** Proof that one event (by its {@code ce_id}) was handled, written in the same transaction as its effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String topic;

    @Column(name = "kafka_partition")
    public int kafkaPartition;

    @Column(name = "kafka_offset")
    public long kafkaOffset;

    /** What the event did: applied, deleted or stale. */
    public String outcome;

    @Column(name = "processed_at")
    public OffsetDateTime processedAt;
}
