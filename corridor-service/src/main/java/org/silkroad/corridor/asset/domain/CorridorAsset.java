package org.silkroad.corridor.asset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.silkroad.corridor.status.domain.AssetStatus;

import java.math.BigDecimal;
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

    /** road, rail, road_rail, pipeline, air, sea, multimodal, other; null when it does not apply (a zone). */
    public String mode;

    /** A {@link FuzzyDate} value as given ("1980s", "2014-12"). */
    public String opened;

    @Column(name = "length_km")
    public BigDecimal lengthKm;

    @JdbcTypeCode(SqlTypes.JSON)
    public Capacity capacity;

    @JdbcTypeCode(SqlTypes.JSON)
    public Location location;

    @JdbcTypeCode(SqlTypes.JSON)
    public Crossing crossing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rail_service")
    public RailServiceRoute railService;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProjectInfo project;

    /** The places the sources name as its ends or stops, in their order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> endpoints = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> sources = new ArrayList<>();

    /** Name and aliases in lower case, for the text filter of lists; kept in step by {@link #describe}. */
    @Column(name = "search_text")
    public String searchText = "";

    @Convert(converter = AssetStatusColumn.class)
    public AssetStatus status = AssetStatus.OPEN;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_window_from")
    public String statusWindowFrom;

    @Column(name = "status_window_until")
    public String statusWindowUntil;

    @Column(name = "status_since")
    public OffsetDateTime statusSince;

    /** Version of the status stream of this asset (key = asset id on corridor.status.v1); grows with each transition. */
    @Column(name = "status_sequence")
    public long statusSequence;

    /** The aggregate version carried by every event of this asset; grows by one with each change. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Refreshes what is derived from the descriptive fields. */
    public void describe() {
        StringBuilder text = new StringBuilder(name == null ? "" : name);
        aliases.forEach(a -> text.append('\n').append(a));
        if (crossing != null && crossing.sides() != null) {
            crossing.sides().forEach(side -> {
                text.append('\n').append(side.name());
                if (side.aliases() != null) {
                    side.aliases().forEach(a -> text.append('\n').append(a));
                }
            });
        }
        searchText = text.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
