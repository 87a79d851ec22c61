package org.silkroad.corridor.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.silkroad.corridor.asset.AssetRules;
import org.silkroad.corridor.asset.CorridorAssets;
import org.silkroad.corridor.asset.api.NewCorridorAsset;
import org.silkroad.corridor.measurement.MeasurementRules;
import org.silkroad.corridor.measurement.MeasurementStore;
import org.silkroad.corridor.measurement.ValidMeasurement;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a corridor data file (the format of {@code corridors.json}): every element becomes an asset, every figure
 * a measurement. All or nothing: the whole file is checked first and a single refused field refuses the file (400
 * naming {@code [index].field}), because a half-loaded corridor file would leave figures without their assets.
 * Importing the same file again changes nothing and publishes nothing.
 */
@ApplicationScoped
public class CorridorDataset {

    /** What an import did. */
    public record ImportReport(int items, int assetsCreated, int assetsUpdated, int assetsUnchanged,
                               int measurementsWritten, int measurementsUnchanged) {
    }

    private final Validator validator;
    private final CorridorAssets assets;
    private final MeasurementStore measurements;

    CorridorDataset(Validator validator, CorridorAssets assets, MeasurementStore measurements) {
        this.validator = validator;
        this.assets = assets;
        this.measurements = measurements;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public ImportReport importItems(List<DatasetItem> items) {
        List<FieldProblem> errors = new ArrayList<>();
        List<NewCorridorAsset> toRegister = new ArrayList<>();
        List<ValidMeasurement> figures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "[" + i + "].";
            DatasetItem item = items.get(i);
            if (item == null) {
                errors.add(new FieldProblem("[" + i + "]", "must be an object"));
                continue;
            }
            NewCorridorAsset asset = item.toAsset();
            for (ConstraintViolation<NewCorridorAsset> v : validator.validate(asset)) {
                errors.add(new FieldProblem(prefix + v.getPropertyPath(), v.getMessage()));
            }
            errors.addAll(AssetRules.check(asset, prefix));
            if (item.id() != null && !ids.add(item.id())) {
                errors.add(new FieldProblem(prefix + "id", "'" + item.id() + "' appears twice in the file"));
            }
            toRegister.add(asset);
            List<DatasetItem.Figure> itemFigures = item.figures() == null ? List.of() : item.figures();
            for (int j = 0; j < itemFigures.size(); j++) {
                MeasurementRules.Checked checked = MeasurementRules.check(
                        FigureMeasurement.of(item.id(), itemFigures.get(j)), prefix + "figures[" + j + "].");
                if (checked.ok()) {
                    figures.add(checked.measurement());
                } else {
                    errors.addAll(checked.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Map<CorridorAssets.Outcome, Integer> outcomes = new EnumMap<>(CorridorAssets.Outcome.class);
        for (NewCorridorAsset asset : toRegister) {
            outcomes.merge(assets.upsert(asset), 1, Integer::sum);
        }
        List<MeasurementView> written = measurements.store(figures);
        return new ImportReport(items.size(), outcomes.getOrDefault(CorridorAssets.Outcome.CREATED, 0),
                outcomes.getOrDefault(CorridorAssets.Outcome.UPDATED, 0),
                outcomes.getOrDefault(CorridorAssets.Outcome.UNCHANGED, 0),
                written.size(), figures.size() - written.size());
    }
}
