package org.silkroad.trade.observation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public shape of an observation: the API answers with it and {@code trade.observations.v1} carries it, so a
 * partner reading the topic sees exactly what a reader of the API sees.
 *
 * @param totalRow  false for a Comtrade breakdown row (by second partner, customs procedure or mode of transport)
 * @param original  the value and unit as printed, when the value was normalised to USD
 * @param knownFrom the vintage: the publication date of the release that stated this version
 */
public record TradeObservationView(
        UUID id,
        String reporter,
        Integer reporterM49,
        String partner,
        Integer partnerM49,
        String partner2,
        String flow,
        String period,
        int year,
        Integer month,
        String commodity,
        int commodityLevel,
        String classification,
        String commodityLabel,
        String customsCode,
        String transportMode,
        boolean totalRow,
        BigDecimal valueUsd,
        BigDecimal cifUsd,
        BigDecimal fobUsd,
        Measure quantity,
        Measure netWeight,
        Original original,
        Source source,
        String note,
        long version,
        LocalDate knownFrom,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Source(String document, String statement, String agency, UUID releaseId) {
    }

    public record Measure(BigDecimal value, String unit, Boolean estimated) {
    }

    public record Original(BigDecimal value, String unit) {
    }
}
