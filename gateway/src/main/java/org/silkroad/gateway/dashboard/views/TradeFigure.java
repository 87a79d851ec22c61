package org.silkroad.gateway.dashboard.views;

/**
 * One trade observation as the views need it, read from its jsonb payload. The statement (document plus the place
 * in it) is what tells conflicting figures apart.
 */
public record TradeFigure(String observationId, String reporter, String partner, String flow, int year, String period,
                          String commodity, String commodityLabel, double valueUsd, String document, String statement) {

    public String statementKey() {
        return document + (statement == null ? "" : " · " + statement);
    }

    public boolean annual() {
        return period.length() == 4;
    }

    public boolean total() {
        return "TOTAL".equals(commodity);
    }
}
