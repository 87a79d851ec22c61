package org.silkroad.gateway.readmodel.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A record the gateway could not read and sent to the topic's dead-letter topic, kept so operators can see it. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "kafka_partition")
    public int kafkaPartition;

    @Column(name = "kafka_offset")
    public long kafkaOffset;

    @Column(name = "event_id")
    public String eventId;

    public String reason;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
