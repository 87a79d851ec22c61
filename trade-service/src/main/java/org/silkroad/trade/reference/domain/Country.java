package org.silkroad.trade.reference.domain;

/**
 * A country code of UN M49 with its ISO codes. An obsolete code stands for a country that no longer exists (280,
 * Fed. Rep. of Germany before 1991) and is valid for periods up to {@code validUntil}.
 */
public record Country(int m49, String alpha2, String alpha3, String name, boolean obsolete, Integer validUntil,
                      boolean comtradeVariant) {

    public boolean validIn(int year) {
        return !obsolete || (validUntil != null && year <= validUntil);
    }
}
