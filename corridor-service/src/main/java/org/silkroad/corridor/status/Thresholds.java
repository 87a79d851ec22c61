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

/** Defines and lists the thresholds of assets; a new threshold judges the measurements written after it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Thresholds {

    @Transactional(Transactional.TxType.REQUIRED)
    public ThresholdView define(String assetId, NewThreshold in) {
        if (CorridorAsset.findById(assetId) == null) {
            throw new NotFoundException("no corridor asset " + assetId);
        }
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
        StatusThreshold t = new StatusThreshold();
        t.id = UUID.randomUUID();
        t.assetId = assetId;
        t.metric = metric.code();
        t.direction = in.direction() == null ? "" : in.direction();
        t.mode = in.mode() == null ? "" : in.mode();
        t.comparison = in.comparison();
        t.limitValue = in.limit();
        t.unit = in.unit();
        t.status = AssetStatus.fromCode(in.status()).orElseThrow();
        t.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.persist();
        return ThresholdView.of(t);
    }

    public List<ThresholdView> of(String assetId) {
        return StatusThreshold.<StatusThreshold>list("assetId = ?1 order by createdAt", assetId).stream()
                .map(ThresholdView::of).toList();
    }
}
