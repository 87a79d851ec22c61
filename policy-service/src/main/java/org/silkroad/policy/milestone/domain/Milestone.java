package org.silkroad.policy.milestone.domain;

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
 * One dated step in policy: a strategy, programme, agreement, joint statement, target... Its id is a readable slug
 * chosen by the editor, so other services and the data files can name it.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public String id;

    public String title;

    @Convert(converter = MilestoneCategoryColumn.class)
    public MilestoneCategory category;

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}: no more precise than the source, so never a LocalDate. */
    public String date;

    /** Who acts: ISO alpha-2 codes and groups such as {@code bilateral}, {@code SCO}, {@code Central_Asia}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> actors = new ArrayList<>();

    public String summary;

    /** The aggregate version carried by every event of this milestone; grows by one with each change. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
