package org.silkroad.gateway.dashboard;

import org.silkroad.gateway.dashboard.views.EventFeed;

import java.util.List;
import java.util.Map;

/** The operations overview: per owning service what reached the gateway, the KPI tiles and the latest events. */
public record Overview(List<SourceOverview> sources, long deadLetters, Kpis kpis, List<EventFeed.FeedEvent> lastEvents) {

    /**
     * @param trade           per reporter, its latest China–Kazakhstan total with year-on-year change and balance
     * @param mirrorGap       the latest year both sides report a total: how far apart they are (null if never)
     * @param slowestCrossing the asset with the longest latest crossing time (null without such measurements)
     */
    public record Kpis(List<TradeTile> trade, MirrorGap mirrorGap, Map<String, Long> assetsByStatus,
                       SlowestCrossing slowestCrossing, long milestonesInForce, long deadLetters) {
    }

    public record TradeTile(String reporter, String partner, int year, double valueUsd, Integer previousYear,
                            Double previousValueUsd, Double yoyPct, Double balanceUsd, String document, String statement,
                            int statements, boolean conflict) {
    }

    public record MirrorGap(int year, String reporterA, double reportedByAUsd, String reporterB, double reportedByBUsd,
                            double gapUsd, Double gapPct) {
    }

    public record SlowestCrossing(String assetId, String name, double value, String unit, String metric, String at) {
    }
}
