package org.silkroad.corridor.measurement;

import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Period;

import java.util.Optional;

/** Which measurements a list asks for; the period range keeps measurements whose period lies within from … to. */
public record MeasurementFilter(Optional<String> assetId, Optional<Metric> metric, Optional<Period> from,
                                Optional<Period> to, Optional<String> direction, Optional<String> mode) {
}
