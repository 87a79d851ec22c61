package org.silkroad.trade.observation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One statement of a trade value: what a reporter says it traded with a partner, in one flow, period and commodity,
 * according to one source. Two sources stating the same flow are two observations, never merged.
 */
@Entity
@Table(name = "trade_observation")
public class TradeObservation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reporter;

    public String partner;

    @Convert(converter = TradeFlowColumn.class)
    public TradeFlow flow;

    public String period;

    public String commodity;

    @Column(name = "value_usd")
    public BigDecimal valueUsd;

    @Column(name = "source_document")
    public String sourceDocument;

    @Column(name = "source_statement")
    public String sourceStatement;

    public String note;

    /** The aggregate version carried by every event of this observation; grows by one with each change. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
