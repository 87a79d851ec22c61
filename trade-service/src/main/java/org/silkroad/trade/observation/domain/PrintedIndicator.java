package org.silkroad.trade.observation.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A figure a source prints beside the trade values: a growth rate, a share, a rank, a balance or a target. It is
 * kept as printed, attached to the series it speaks about, so the checks can compare it with what the values imply.
 *
 * @param flow      the flow of the series it speaks about (total trade for a total growth rate); null for a rank
 * @param valueUsd  for money figures (balance, target), the value normalised to USD
 */
public record PrintedIndicator(
        String seriesKey, String reporter, String partner, TradeFlow flow, String commodity, int year,
        Kind indicator, BigDecimal value, String unit, BigDecimal valueUsd,
        String sourceDocument, String sourceStatement, String sourceAgency, String note) {

    public enum Kind {
        GROWTH_PCT("growth_pct"), SHARE_PCT("share_pct"), PARTNER_SHARE_PCT("partner_share_pct"),
        BALANCE("balance"), RANK("rank"), TARGET("target");

        public final String code;

        Kind(String code) {
            this.code = code;
        }

        public static Kind fromCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown indicator " + code);
        }
    }

    public UUID id() {
        return UUID.nameUUIDFromBytes(seriesKey.getBytes(StandardCharsets.UTF_8));
    }
}
