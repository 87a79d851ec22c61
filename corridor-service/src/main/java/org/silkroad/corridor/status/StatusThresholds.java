package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.measurement.ValidMeasurement;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusThreshold;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns measurements into status changes. A threshold judges the <em>latest period</em> of its series (asset, metric,
 * and direction/mode when it names them): when that measurement is beyond the limit the asset takes the threshold's
 * status, and when it is back within the limit the asset returns to the status it had before. Only a change of side
 * changes the status, so each crossing publishes exactly one status event; a late-arriving figure for an older
 * period is stored but cannot flip the status, because it is not the latest.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatusThresholds {

    /** How many of the newest measurements of a series are looked at to find one in a unit the limit converts to. */
    private static final int CANDIDATES = 20;

    private final EntityManager em;
    private final AssetStatuses statuses;

    StatusThresholds(EntityManager em, AssetStatuses statuses) {
        this.em = em;
        this.statuses = statuses;
    }

    /**
     * A watch for one batch of writes. It reads once which asset/metric pairs have thresholds at all, so that a bulk
     * import of a million rows asks the database about thresholds only for the series that have one.
     */
    public Watch watch() {
        List<String> keys = em.createQuery("select distinct t.assetId || '|' || t.metric from StatusThreshold t", String.class)
                .getResultList();
        return new Watch(new HashSet<>(keys));
    }

    public final class Watch {
        private final Set<String> watched;
        private final Set<String> touched = new LinkedHashSet<>();

        private Watch(Set<String> watched) {
            this.watched = watched;
        }

        public void observe(ValidMeasurement m) {
            String key = m.assetId() + "|" + m.metric().code();
            if (watched.contains(key)) {
                touched.add(key);
            }
        }

        /** Judges every threshold whose series the batch touched, once, against the series' latest period. */
        public void judge() {
            for (String key : touched) {
                String[] assetAndMetric = key.split("\\|", 2);
                StatusThreshold.<StatusThreshold>list("assetId = ?1 and metric = ?2 order by createdAt",
                        assetAndMetric[0], assetAndMetric[1]).forEach(t -> StatusThresholds.this.judge(t, false));
            }
        }
    }

    /** The measurement a threshold judges: the latest period of its series, then the latest written. */
    record Judged(UUID id, String period, BigDecimal value, String unit) {
    }

    /**
     * Judges one threshold against the latest measurement of its series and changes the status if the verdict
     * changed. {@code retarget}: the threshold's status itself was edited, so a breached threshold moves the asset to
     * its new status even though the side did not change. Returns whether the status changed.
     */
    public boolean judge(StatusThreshold t, boolean retarget) {
        Optional<Judged> latest = latest(t);
        boolean beyond = latest.map(m -> beyond(t, m)).orElse(false);
        t.judgedMeasurementId = latest.map(Judged::id).orElse(null);
        t.judgedPeriod = latest.map(Judged::period).orElse(null);
        CorridorAsset asset = CorridorAsset.findById(t.assetId);
        String cause = "threshold:" + t.id + latest.map(m -> " measurement:" + m.id()).orElse("");
        String limit = t.limitValue.toPlainString() + " " + t.unit;
        if (beyond && (!t.breached || (retarget && asset.status != t.status))) {
            if (!t.breached) {
                t.statusBefore = asset.status;
            }
            t.breached = true;
            Judged m = latest.orElseThrow();
            return statuses.change(asset, t.status, figure(t, m) + " is " + t.comparison + " the limit of " + limit,
                    cause, m.period().isEmpty() ? null : m.period(), null).isPresent();
        }
        if (!beyond && t.breached) {
            t.breached = false;
            AssetStatus back = t.statusBefore == null ? AssetStatus.OPEN : t.statusBefore;
            t.statusBefore = null;
            String why = latest.map(m -> figure(t, m) + " is back within the limit of " + limit)
                    .orElse("no measurement is beyond the limit of " + limit + " any more");
            // The return holds from the judged period on, so a status read "at" an earlier date still sees the breach.
            return statuses.change(asset, back, why, cause,
                    latest.map(Judged::period).filter(p -> !p.isEmpty()).orElse(null), null).isPresent();
        }
        return false;
    }

    /** A breached threshold that is removed gives the asset back the status it had before the threshold set it. */
    public void release(StatusThreshold t, String cause) {
        if (!t.breached) {
            return;
        }
        CorridorAsset asset = CorridorAsset.findById(t.assetId);
        AssetStatus back = t.statusBefore == null ? AssetStatus.OPEN : t.statusBefore;
        t.breached = false;
        t.statusBefore = null;
        if (asset.status == t.status) {
            statuses.change(asset, back, "the threshold " + t.metric + " " + t.comparison + " "
                    + t.limitValue.toPlainString() + " " + t.unit + " was removed", cause, null, null);
        }
    }

    private Optional<Judged> latest(StatusThreshold t) {
        // Scalars, not entities: a bulk import wrote the rows past Hibernate in this very transaction.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, period, value, unit FROM measurement
                         WHERE asset_id = :asset AND metric = :metric
                           AND (:direction = '' OR direction = :direction) AND (:mode = '' OR mode = :mode)
                         ORDER BY period_start DESC NULLS LAST, period_end DESC NULLS LAST, recorded_at DESC
                         LIMIT :limit
                        """)
                .setParameter("asset", t.assetId).setParameter("metric", t.metric)
                .setParameter("direction", t.direction).setParameter("mode", t.mode)
                .setParameter("limit", CANDIDATES)
                .getResultList();
        Unit limitUnit = Units.find(t.unit).orElseThrow();
        return rows.stream()
                .map(r -> new Judged((UUID) r[0], (String) r[1], (BigDecimal) r[2], (String) r[3]))
                .filter(m -> Units.find(m.unit()).map(u -> u.convertsTo(limitUnit)).orElse(false))
                .findFirst();
    }

    private static boolean beyond(StatusThreshold t, Judged m) {
        Unit limitUnit = Units.find(t.unit).orElseThrow();
        double value = Units.convert(m.value().doubleValue(), Units.find(m.unit()).orElseThrow(), limitUnit);
        double limit = t.limitValue.doubleValue();
        return "above".equals(t.comparison) ? value > limit : value < limit;
    }

    private static String figure(StatusThreshold t, Judged m) {
        return String.format(Locale.ROOT, "%s %s %s%s", t.metric, m.value().stripTrailingZeros().toPlainString(), m.unit(),
                m.period().isEmpty() ? "" : " in " + m.period());
    }
}
