package org.silkroad.corridor.asset;

import org.silkroad.corridor.asset.api.NewCorridorAsset;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.asset.domain.FuzzyDate;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What bean validation cannot see in an asset: a date that matches the form but does not exist, a capacity's unit. */
public final class AssetRules {

    private AssetRules() {
    }

    public static List<FieldProblem> check(NewCorridorAsset in, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        if (in.opened() != null && in.opened().matches(FuzzyDate.PATTERN) && FuzzyDate.parse(in.opened()).isEmpty()) {
            errors.add(new FieldProblem(prefix + "opened", "'" + in.opened() + "' is not a date"));
        }
        Capacity c = in.capacity();
        if (c != null && c.unit() != null) {
            Optional<Unit> unit = Units.find(c.unit());
            if (unit.isEmpty() || !Metric.CAPACITY.accepts(unit.get())) {
                errors.add(new FieldProblem(prefix + "capacity.unit", "unknown capacity unit '" + c.unit()
                        + "'; expected a quantity such as million_t or a rate such as million_t_per_year or bcm/year"));
            }
            if (c.value() == null && (c.min() == null || c.max() == null)) {
                errors.add(new FieldProblem(prefix + "capacity.value", "must give a value, or min and max for a range"));
            }
            if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
                errors.add(new FieldProblem(prefix + "capacity.min", "must not be above max"));
            }
        }
        return errors;
    }
}
