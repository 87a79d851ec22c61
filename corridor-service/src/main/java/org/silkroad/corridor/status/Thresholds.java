package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.domain.TransportMode;
import org.silkroad.corridor.measurement.MeasurementRules;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.corridor.status.api.NewThreshold;
import org.silkroad.corridor.status.api.ThresholdView;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusThreshold;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Defines, changes, removes and lists the thresholds of assets; each write judges the threshold again at once. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Thresholds {

    private final StatusThresholds judge;

    Thresholds(StatusThresholds judge) {
        this.judge = judge;
    }

    /** Defines a threshold and judges it at once against the latest measurement of its series. */
    @Transactional(Transactional.TxType.REQUIRED)
    public ThresholdView define(String assetId, NewThreshold in) {
        requireAsset(assetId);
        StatusThreshold t = new StatusThreshold();
        t.id = UUID.randomUUID();
        t.assetId = assetId;
        apply(t, in);
        t.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.persist();
        judge.judge(t, false);
        return ThresholdView.of(t);
    }

    /**
     * Changes a threshold and judges it again against the latest measurement: the asset's status changes (one event)
     * only if the verdict or, while breached, the threshold's status changed.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ThresholdView change(String assetId, UUID id, NewThreshold in) {
        StatusThreshold t = find(assetId, id);
        AssetStatus statusBefore = t.status;
        if (t.breached && !t.metric.equals(in.metric())) {
            // Another metric is another series: the old verdict says nothing about it.
            judge.release(t, "threshold:" + t.id + " changed");
        }
        apply(t, in);
        judge.judge(t, t.status != statusBefore);
        return ThresholdView.of(t);
    }

    /** Removes a threshold; if it held the asset in its status, the asset gets back the status it had before. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void remove(String assetId, UUID id, String editor) {
        StatusThreshold t = find(assetId, id);
        judge.release(t, "editor:" + editor + " removed threshold:" + t.id);
        t.delete();
    }

    private static StatusThreshold find(String assetId, UUID id) {
        requireAsset(assetId);
        StatusThreshold t = StatusThreshold.findById(id);
        if (t == null || !t.assetId.equals(assetId)) {
            throw new NotFoundException("no threshold " + id + " on corridor asset " + assetId);
        }
        return t;
    }

    private static void requireAsset(String assetId) {
        if (CorridorAsset.findById(assetId) == null) {
            throw new NotFoundException("no corridor asset " + assetId);
        }
    }

    private static void apply(StatusThreshold t, NewThreshold in) {
        Metric metric = Metric.fromCode(in.metric())
                .orElseThrow(() -> InvalidInput.of("metric", "unknown metric '" + in.metric() + "'; expected one of " + Metric.CODES.replace("|", ", ")));
        Unit unit = Units.find(in.unit()).orElseThrow(() -> InvalidInput.of("unit", "unknown unit '" + in.unit() + "'"));
        if (!metric.accepts(unit)) {
            throw InvalidInput.of("unit", "unit '" + in.unit() + "' does not measure " + metric.code());
        }
        if (in.direction() != null && !in.direction().matches(MeasurementRules.DIRECTIONS)) {
            throw InvalidInput.of("direction", "must be one of " + MeasurementRules.DIRECTIONS.replace("|", ", "));
        }
        if (in.mode() != null && !in.mode().matches(TransportMode.CODES)) {
            throw InvalidInput.of("mode", "must be one of " + TransportMode.CODES.replace("|", ", "));
        }
        t.metric = metric.code();
        t.direction = in.direction() == null ? "" : in.direction();
        t.mode = in.mode() == null ? "" : in.mode();
        t.comparison = in.comparison();
        t.limitValue = in.limit();
        t.unit = in.unit();
        t.status = AssetStatus.fromCode(in.status()).orElseThrow();
    }

    public List<ThresholdView> of(String assetId) {
        return StatusThreshold.<StatusThreshold>list("assetId = ?1 order by createdAt", assetId).stream()
                .map(ThresholdView::of).toList();
    }
}
