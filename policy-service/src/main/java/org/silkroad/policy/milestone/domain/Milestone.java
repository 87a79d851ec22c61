package org.silkroad.policy.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One step in policy: a strategy, programme, agreement, joint statement, target... Its id is a readable slug chosen by
 * the editor, so other services and the data files can name it.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public String id;

    public String title;

    @Convert(converter = MilestoneCategoryColumn.class)
    public MilestoneCategory category;

    /** Where the milestone sits on a timeline: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, never a LocalDate. */
    public String date;

    /** The end of a period or programme ("1980s" is 1980 to 1989); null for a point in time. */
    @Column(name = "date_end")
    public String dateEnd;

    /** Who acts: ISO alpha-2 codes and groups such as {@code bilateral}, {@code SCO}, {@code Central_Asia}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> actors = new ArrayList<>();

    public String summary;

    public String notes;

    @Embedded
    public LifecycleDates lifecycle = new LifecycleDates();

    // Filled from the lifecycle by StatusTimeline on every write; lists filter by status at a date with them.
    @Column(name = "announced_on")
    public LocalDate announcedOn;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "in_force_on")
    public LocalDate inForceOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "ended_as")
    public String endedAs;

    /** The status the last published event carried; the daily check compares today's status with it. */
    @Column(name = "published_status")
    public String publishedStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Source> sources = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alternative_dates")
    public List<AlternativeDate> alternativeDates = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Links links = Links.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Target> targets = new ArrayList<>();

    @Column(name = "parent_id")
    public String parentId;

    /** The aggregate version carried by every event of this milestone; grows by one with each change. */
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public StatusTimeline timeline() {
        return new StatusTimeline(announcedOn, signedOn, inForceOn, endedOn,
                endedAs == null ? null : MilestoneStatus.fromCode(endedAs));
    }

    /** Sets the lifecycle dates and the effective days derived from them, which must never drift apart. */
    public void setLifecycle(LifecycleDates dates) {
        lifecycle = dates;
        StatusTimeline timeline = StatusTimeline.of(dates);
        announcedOn = timeline.announcedOn();
        signedOn = timeline.signedOn();
        inForceOn = timeline.inForceOn();
        endedOn = timeline.endedOn();
        endedAs = timeline.endedAs() == null ? null : timeline.endedAs().code();
    }
}
