package org.silkroad.trade.observation.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One observation as an import or an editor states it, normalised (value in USD, the printed value and unit kept).
 * {@code seriesKey} says which figure it is; two rows with the same key are two versions of one observation.
 */
public record ObservationRow(
        String seriesKey,
        String reporter, Integer reporterM49,
        String partner, Integer partnerM49, String partner2,
        TradeFlow flow, String period, int year, Integer month,
        String commodity, String classification, String commodityLabel,
        String customsCode, String transportMode, boolean total,
        BigDecimal valueUsd, BigDecimal cifUsd, BigDecimal fobUsd,
        BigDecimal quantity, String quantityUnit, Boolean quantityEstimated,
        BigDecimal netWeightKg, Boolean netWeightEstimated,
        BigDecimal originalValue, String originalUnit,
        String sourceDocument, String sourceStatement, String sourceAgency, String note) {

    /** Ids follow from the key, so the same figure gets the same id in every database built from the same files. */
    public UUID id() {
        return UUID.nameUUIDFromBytes(seriesKey.getBytes(StandardCharsets.UTF_8));
    }

    public int commodityLevel() {
        return Commodity.level(commodity);
    }

    public static String period(int year, Integer month) {
        return month == null ? Integer.toString(year) : "%04d-%02d".formatted(year, month);
    }
}
