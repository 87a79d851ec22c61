package org.silkroad.corridor.status.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.silkroad.corridor.asset.domain.AssetStatusColumn;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A limit on one metric of one asset (crossing time above 48 hours) that puts the asset into a status (congested)
 * while the latest measurement (by period) is beyond it. {@code breached} remembers which side the latest
 * measurement was on, so only a crossing — not every measurement beyond the limit — changes the status.
 */
@Entity
@Table(name = "status_threshold")
public class StatusThreshold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "asset_id")
    public String assetId;

    public String metric;

    /** '' matches every direction. */
    public String direction;

    /** '' matches every mode. */
    public String mode;

    /** above or below. */
    public String comparison;

    @Column(name = "limit_value")
    public BigDecimal limitValue;

    public String unit;

    @Convert(converter = AssetStatusColumn.class)
    public AssetStatus status;

    public boolean breached;

    /** The status the asset had when the limit was crossed, to return to when it is crossed back. */
    @Column(name = "status_before")
    @Convert(converter = AssetStatusColumn.class)
    public AssetStatus statusBefore;

    /** The measurement the current verdict rests on: the latest period of the matching series. */
    @Column(name = "judged_measurement_id")
    public UUID judgedMeasurementId;

    @Column(name = "judged_period")
    public String judgedPeriod;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
