package org.silkroad.corridor.measurement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.silkroad.corridor.measurement.api.MeasurementView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One statement of a value for an asset, metric and period. Written by {@code MeasurementStore} with an upsert on
 * the natural key; this mapping serves the reads. Columns hold '' for "not stated" so the key is a plain constraint.
 */
@Entity
@Table(name = "measurement")
public class Measurement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "asset_id")
    public String assetId;

    public String metric;
    public String label;
    public String period;

    @Column(name = "period_type")
    public String periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public String direction;
    public String mode;
    public BigDecimal value;
    public String unit;
    public String qualifier;
    public String source;
    public String note;
    public long version;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public MeasurementView view() {
        return new MeasurementView(id, assetId, metric, emptyToNull(label),
                period.isEmpty() ? null : Period.parse(period).orElse(null), emptyToNull(direction), emptyToNull(mode),
                value, unit, qualifier, emptyToNull(source), note, version, recordedAt);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
