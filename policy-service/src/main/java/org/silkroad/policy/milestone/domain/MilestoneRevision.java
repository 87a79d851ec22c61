package org.silkroad.policy.milestone.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One accepted state of a milestone: the state as published, who changed it and why. Never updated. */
@Entity
@Table(name = "milestone_revision")
@IdClass(MilestoneRevision.Key.class)
public class MilestoneRevision extends PanacheEntityBase {

    @Id
    @Column(name = "milestone_id")
    public String milestoneId;

    @Id
    public long version;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    /** created, updated, imported or status_changed (time passed a lifecycle date). */
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode state;

    public static class Key implements Serializable {
        public String milestoneId;
        public long version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(milestoneId, k.milestoneId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(milestoneId, version);
        }
    }
}
