package org.silkroad.trade.observation.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** The units sources print money in; normalising multiplies by the factor, the printed value is kept beside. */
public enum MoneyUnit {
    USD("usd", 0), THOUSAND_USD("thousand_usd", 3), MILLION_USD("million_usd", 6),
    HUNDRED_MILLION_USD("hundred_million_usd", 8), BILLION_USD("billion_usd", 9);

    public final String code;
    private final int powerOfTen;

    MoneyUnit(String code, int powerOfTen) {
        this.code = code;
        this.powerOfTen = powerOfTen;
    }

    public BigDecimal toUsd(BigDecimal printed) {
        return printed.movePointRight(powerOfTen);
    }

    /** Half a unit of the last printed digit, in USD: how far a printed figure may be from the exact one. */
    public static BigDecimal roundingSlack(BigDecimal printed, String unitCode) {
        int power = find(unitCode).map(u -> u.powerOfTen).orElse(0);
        return new BigDecimal("0.5").movePointLeft(Math.max(printed.scale(), 0)).movePointRight(power);
    }

    public static Optional<MoneyUnit> find(String code) {
        for (MoneyUnit u : values()) {
            if (u.code.equals(code)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
