package org.silkroad.corridor.asset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * The id of a deleted asset with the last versions its keys reached on the topics (the deletion's own). An asset
 * registered again under the id continues above them: consumers keep a deletion against every older version.
 */
@Entity
@Table(name = "retired_asset")
public class RetiredAsset extends PanacheEntityBase {

    @Id
    public String id;

    /** The version of the deletion on corridor.assets.v1. */
    public long version;

    /** The last version used on corridor.status.v1 (the deletion's, or the last transition's if none was needed). */
    @Column(name = "status_sequence")
    public long statusSequence;

    @Column(name = "deleted_by")
    public String deletedBy;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
