package org.silkroad.corridor.asset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One physical or institutional element of a corridor: a border crossing, a rail service, a highway, a pipeline, a
 * dry port, a zone. Its id is a readable slug chosen by the editor, so other services and the data files can name it.
 */
@Entity
@Table(name = "corridor_asset")
public class CorridorAsset extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Convert(converter = AssetKindColumn.class)
    public AssetKind kind;

    /** ISO 3166-1 alpha-2 codes of the countries the asset lies in or links, in the order the editor gave. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> countries = new ArrayList<>();

    /** Other names the sources use (Dostyk/Druzhba), kept so a search by any of them finds the asset. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    public String note;

    /** The aggregate version carried by every event of this asset; grows by one with each change. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
