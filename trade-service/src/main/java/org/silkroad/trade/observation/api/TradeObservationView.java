package org.silkroad.trade.observation.api;

import org.silkroad.trade.observation.domain.TradeObservation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public shape of an observation: the API answers with it and {@code trade.observations.v1} carries it, so a
 * partner reading the topic sees exactly what a reader of the API sees.
 */
public record TradeObservationView(
        UUID id,
        String reporter,
        String partner,
        String flow,
        String period,
        String commodity,
        BigDecimal valueUsd,
        Source source,
        String note,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Source(String document, String statement) {
    }

    public static TradeObservationView of(TradeObservation o) {
        return new TradeObservationView(o.id, o.reporter, o.partner, o.flow.code(), o.period, o.commodity, o.valueUsd,
                new Source(o.sourceDocument, o.sourceStatement), o.note, o.version, o.createdAt, o.updatedAt);
    }
}
