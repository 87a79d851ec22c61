package org.silkroad.corridor.status.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.silkroad.corridor.asset.domain.AssetStatusColumn;

import java.time.OffsetDateTime;

/** One transition of an asset's status, with its reason and what caused it; never changed once written. */
@Entity
@Table(name = "status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "asset_id")
    public String assetId;

    /** The asset's status sequence after this change: 1 for the first transition. */
    public long sequence;

    @Column(name = "from_status")
    @Convert(converter = AssetStatusColumn.class)
    public AssetStatus fromStatus;

    @Column(name = "to_status")
    @Convert(converter = AssetStatusColumn.class)
    public AssetStatus toStatus;

    public String reason;

    /** "editor:<subject>" for a manual change, "threshold:<id>" with the measurement for an automatic one. */
    public String cause;

    @Column(name = "window_from")
    public String windowFrom;

    @Column(name = "window_until")
    public String windowUntil;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
