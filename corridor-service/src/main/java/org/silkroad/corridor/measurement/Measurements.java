package org.silkroad.corridor.measurement;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.corridor.measurement.api.NewMeasurement;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Records and finds measurements. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Measurements {

    /** The stored measurement and whether this write changed it. */
    public record Recorded(MeasurementView measurement, boolean written) {
    }

    private final MeasurementStore store;

    Measurements(MeasurementStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Recorded record(NewMeasurement input) {
        MeasurementRules.Checked checked = MeasurementRules.check(input, "");
        if (!checked.ok()) {
            throw InvalidInput.of(checked.errors());
        }
        ValidMeasurement m = checked.measurement();
        if (CorridorAsset.findById(m.assetId()) == null) {
            throw InvalidInput.of("assetId", "no corridor asset '" + m.assetId() + "'");
        }
        List<MeasurementView> changed = store.store(List.of(m));
        if (!changed.isEmpty()) {
            return new Recorded(changed.get(0), true);
        }
        Measurement same = Measurement.find("assetId = ?1 and metric = ?2 and label = ?3 and period = ?4 and direction = ?5"
                        + " and mode = ?6 and source = ?7", m.assetId(), m.metric().code(), m.label(),
                m.period() == null ? "" : m.period().value(), m.direction(), m.mode(), m.source()).firstResult();
        return new Recorded(same.view(), false);
    }

    /** One chunk of a bulk import, committed on its own; returns how many rows changed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordChunk(List<ValidMeasurement> chunk) {
        return store.store(chunk).size();
    }

    /** Every asset id, so an import can refuse rows for unknown assets without a query per row. */
    public List<String> assetIds() {
        return CorridorAsset.getEntityManager().createQuery("select a.id from CorridorAsset a", String.class).getResultList();
    }

    public Optional<MeasurementView> find(java.util.UUID id) {
        return Measurement.<Measurement>findByIdOptional(id).map(Measurement::view);
    }

    public Page<MeasurementView> list(MeasurementFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        filter.assetId().ifPresent(v -> { where.add("assetId = :asset"); params.and("asset", v); });
        filter.metric().ifPresent(v -> { where.add("metric = :metric"); params.and("metric", v.code()); });
        filter.from().ifPresent(v -> { where.add("periodStart >= :from"); params.and("from", v.start()); });
        filter.to().ifPresent(v -> { where.add("periodEnd <= :to"); params.and("to", v.end()); });
        filter.direction().ifPresent(v -> { where.add("direction = :direction"); params.and("direction", v); });
        filter.mode().ifPresent(v -> { where.add("mode = :mode"); params.and("mode", v); });
        String query = (where.length() == 0 ? "" : where + " ") + "order by assetId, metric, periodStart nulls first, id";
        PanacheQuery<Measurement> found = Measurement.find(query, params);
        return Page.of(found, page, Measurement::view);
    }
}
