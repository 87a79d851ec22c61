package org.silkroad.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.dashboard.views.BilateralTotals;
import org.silkroad.gateway.dashboard.views.CorridorBoard;
import org.silkroad.gateway.dashboard.views.EventFeed;
import org.silkroad.gateway.dashboard.views.PolicyTimeline;
import org.silkroad.gateway.dashboard.views.TradeViews;
import org.silkroad.gateway.readmodel.DeadLetters;
import org.silkroad.gateway.readmodel.persistence.Timestamps;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the overview from the read model; every known source appears, also before its first event. */
@ApplicationScoped
public class OverviewQuery {

    static final String A = "CHN";
    static final String B = "KAZ";

    private final EntityManager em;
    private final DeadLetters deadLetters;
    private final TradeViews trade;
    private final CorridorBoard corridors;
    private final PolicyTimeline policy;
    private final EventFeed events;

    OverviewQuery(EntityManager em, DeadLetters deadLetters, TradeViews trade, CorridorBoard corridors,
                  PolicyTimeline policy, EventFeed events) {
        this.em = em;
        this.deadLetters = deadLetters;
        this.trade = trade;
        this.corridors = corridors;
        this.policy = policy;
        this.events = events;
    }

    @Transactional
    public Overview current() {
        return current(corridors.board(), policy.timeline());
    }

    /** The overview around a corridor board and policy timeline already computed for their own views. */
    @Transactional
    public Overview current(CorridorBoard.Board board, PolicyTimeline.Timeline timeline) {
        long dead = deadLetters.count();
        Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals = trade.totals(A, B);
        Overview.Kpis kpis = new Overview.Kpis(tradeTiles(totals), mirrorGap(totals), board.byStatus(), slowestCrossing(board),
                timeline.inForceToday(), dead);
        return new Overview(sources(), dead, kpis, events.page(0, 10).items());
    }

    private List<SourceOverview> sources() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            counts.computeIfAbsent(topic.source(), s -> new LinkedHashMap<>()).put(topic.topicName(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT source, topic, count(*) FROM aggregate_state WHERE NOT deleted GROUP BY source, topic
                """).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], s -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> activity = em.createNativeQuery("SELECT source, last_event_at, events_applied FROM source_activity")
                .getResultList();
        Map<String, Object[]> bySource = new LinkedHashMap<>();
        activity.forEach(row -> bySource.put((String) row[0], row));

        Set<String> sources = new LinkedHashSet<>(counts.keySet());
        sources.addAll(bySource.keySet());
        List<SourceOverview> result = new ArrayList<>();
        for (String source : sources) {
            Map<String, Long> perTopic = counts.getOrDefault(source, Map.of());
            Object[] row = bySource.get(source);
            OffsetDateTime last = row == null ? null : Timestamps.utc(row[1]);
            long applied = row == null ? 0 : ((Number) row[2]).longValue();
            result.add(new SourceOverview(source, perTopic.values().stream().mapToLong(Long::longValue).sum(), perTopic,
                    applied, last));
        }
        return result;
    }

    /** Per reporter: its latest total, the year before (if reported) and the balance, from the first statement. */
    private static List<Overview.TradeTile> tradeTiles(Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals) {
        List<Overview.TradeTile> tiles = new ArrayList<>();
        totals.forEach((reporter, years) -> {
            Map.Entry<Integer, List<BilateralTotals.Total>> latest = years.lastEntry();
            BilateralTotals.Total t = latest.getValue().get(0);
            List<BilateralTotals.Total> previous = years.get(latest.getKey() - 1);
            Double prev = previous == null ? null : previous.get(0).valueUsd();
            Double yoy = prev == null || prev == 0 ? null : Math.round((t.valueUsd() / prev - 1) * 10000) / 100.0;
            tiles.add(new Overview.TradeTile(reporter, t.partner(), t.year(), t.valueUsd(),
                    prev == null ? null : latest.getKey() - 1, prev, yoy, t.balanceUsd(), t.document(), t.statement(),
                    latest.getValue().size(),
                    BilateralTotals.conflicting(latest.getValue().stream().map(BilateralTotals.Total::valueUsd).toList())));
        });
        return tiles;
    }

    private static Overview.MirrorGap mirrorGap(Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals) {
        TreeMap<Integer, List<BilateralTotals.Total>> a = totals.getOrDefault(A, new TreeMap<>());
        TreeMap<Integer, List<BilateralTotals.Total>> b = totals.getOrDefault(B, new TreeMap<>());
        for (Integer year : a.descendingKeySet()) {
            if (b.containsKey(year)) {
                double x = a.get(year).get(0).valueUsd();
                double y = b.get(year).get(0).valueUsd();
                return new Overview.MirrorGap(year, A, x, B, y, x - y, y == 0 ? null : Math.round((x - y) / y * 10000) / 100.0);
            }
        }
        return null;
    }

    private static Overview.SlowestCrossing slowestCrossing(CorridorBoard.Board board) {
        Overview.SlowestCrossing slowest = null;
        for (CorridorBoard.AssetRow asset : board.assets()) {
            for (CorridorBoard.Measurement m : asset.measurements()) {
                if (m.metric() != null && m.metric().toLowerCase().contains("crossing") && m.value() != null
                        && (slowest == null || m.value() > slowest.value())) {
                    slowest = new Overview.SlowestCrossing(asset.id(), asset.name(), m.value(), m.unit(), m.metric(), m.at());
                }
            }
        }
        return slowest;
    }
}
