package org.silkroad.trade.analysis.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A printed indicator as the analyses read it, in one of its versions.
 *
 * @param knownUntil when a later release printed it differently (null: still the current version)
 */
public record Printed(UUID id, String reporter, String partner, String flow, String commodity, int year, String indicator,
                      BigDecimal value, String unit, BigDecimal valueUsd, String document, String statement, String agency,
                      String note, UUID release, int version, LocalDate knownFrom, LocalDate knownUntil) {

    public String source() {
        return statement == null ? document : document + ", " + statement;
    }
}
