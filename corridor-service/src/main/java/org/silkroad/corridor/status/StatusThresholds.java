package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.measurement.ValidMeasurement;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusThreshold;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns measurements into status changes. A threshold changes the asset's status when a measurement crosses it
 * (from within the limit to beyond it) and changes it back when one crosses back; measurements that stay on the same
 * side change nothing, so each crossing publishes exactly one status event. Measurements are judged in the order
 * they are written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatusThresholds {

    private final EntityManager em;
    private final AssetStatuses statuses;

    StatusThresholds(EntityManager em, AssetStatuses statuses) {
        this.em = em;
        this.statuses = statuses;
    }

    /**
     * A watch for one batch of writes. It reads once which asset/metric pairs have thresholds at all, so that a bulk
     * import of a million rows asks the database about thresholds only for the rows that have one.
     */
    public Watch watch() {
        List<String> keys = em.createQuery("select distinct t.assetId || '|' || t.metric from StatusThreshold t", String.class)
                .getResultList();
        return new Watch(new HashSet<>(keys));
    }

    public final class Watch {
        private final Set<String> watched;

        private Watch(Set<String> watched) {
            this.watched = watched;
        }

        public void observe(ValidMeasurement m, MeasurementView written) {
            if (watched.isEmpty() || !watched.contains(m.assetId() + "|" + m.metric().code())) {
                return;
            }
            List<StatusThreshold> thresholds = StatusThreshold.list("assetId = ?1 and metric = ?2 order by createdAt",
                    m.assetId(), m.metric().code());
            for (StatusThreshold t : thresholds) {
                if ((!t.direction.isEmpty() && !t.direction.equals(m.direction()))
                        || (!t.mode.isEmpty() && !t.mode.equals(m.mode()))) {
                    continue;
                }
                Unit limitUnit = Units.find(t.unit).orElseThrow();
                if (!m.unit().convertsTo(limitUnit)) {
                    continue;
                }
                double value = m.valueIn(limitUnit);
                double limit = t.limitValue.doubleValue();
                boolean beyond = "above".equals(t.comparison) ? value > limit : value < limit;
                if (beyond == t.breached) {
                    continue;
                }
                CorridorAsset asset = CorridorAsset.findById(m.assetId());
                String figure = String.format(Locale.ROOT, "%s %s %s%s", m.metric().code(), m.value().toPlainString(), m.unitCode(),
                        m.period() == null ? "" : " in " + m.period().value());
                String cause = "threshold:" + t.id + " measurement:" + written.id();
                t.breached = beyond;
                if (beyond) {
                    t.statusBefore = asset.status;
                    statuses.change(asset, t.status, figure + " is " + t.comparison + " the limit of "
                            + t.limitValue.toPlainString() + " " + t.unit, cause, m.period() == null ? null : m.period().value(), null);
                } else {
                    AssetStatus back = t.statusBefore == null ? AssetStatus.OPEN : t.statusBefore;
                    t.statusBefore = null;
                    statuses.change(asset, back, figure + " is back within the limit of " + t.limitValue.toPlainString()
                            + " " + t.unit, cause, null, null);
                }
            }
        }
    }
}
