package org.silkroad.trade.observation;

import org.silkroad.trade.observation.domain.TradeFlow;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which observations a read asks for; a null field means any. {@code asOf} answers with the versions known on that
 * date (null: the current ones); {@code breakdowns} includes Comtrade rows below the totals.
 */
public record ObservationQuery(String reporter, String partner, TradeFlow flow, String commodity, Integer level,
                               String period, Integer fromYear, Integer toYear, String source, UUID release,
                               LocalDate asOf, boolean breakdowns) {

    public static ObservationQuery all() {
        return new ObservationQuery(null, null, null, null, null, null, null, null, null, null, null, false);
    }

    public ObservationQuery withFlow(TradeFlow f) {
        return new ObservationQuery(reporter, partner, f, commodity, level, period, fromYear, toYear, source, release, asOf, breakdowns);
    }

    public ObservationQuery withPair(String r, String p) {
        return new ObservationQuery(r, p, flow, commodity, level, period, fromYear, toYear, source, release, asOf, breakdowns);
    }

    public ObservationQuery withCommodity(String c, Integer l) {
        return new ObservationQuery(reporter, partner, flow, c, l, period, fromYear, toYear, source, release, asOf, breakdowns);
    }

    public ObservationQuery withRelease(UUID r) {
        return new ObservationQuery(reporter, partner, flow, commodity, level, period, fromYear, toYear, source, r, asOf, breakdowns);
    }
}
