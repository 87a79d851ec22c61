package org.silkroad.policy.milestone.api;

import org.silkroad.policy.milestone.domain.Target;

import java.math.BigDecimal;

/** A target with the milestone that sets it. Attainment is not here: the gateway computes it from the series. */
public record TargetView(String milestoneId, String milestoneTitle, int position, String metric, BigDecimal value,
                         String unit, String deadline, MilestoneView.TradeSeriesLink tradeSeries,
                         MilestoneView.CorridorAssetLink corridorAsset, String note) {

    public static TargetView of(String milestoneId, String title, int position, Target t) {
        return new TargetView(milestoneId, title, position, t.metric(), t.value(), t.unit(), t.deadline(),
                t.tradeSeries() == null ? null : MilestoneView.TradeSeriesLink.of(t.tradeSeries()),
                t.corridorAsset() == null ? null : new MilestoneView.CorridorAssetLink(t.corridorAsset(), MilestoneView.RESOLVED_UNKNOWN),
                t.note());
    }
}
