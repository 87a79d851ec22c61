package org.silkroad.policy.milestone;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.api.MilestoneView;
import org.silkroad.policy.milestone.api.NewMilestone;
import org.silkroad.policy.milestone.domain.Milestone;
import org.silkroad.policy.milestone.domain.MilestoneCategory;
import org.silkroad.policy.milestone.events.MilestoneEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Records and finds policy milestones; every change goes out as an event in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Milestones {

    private final MilestoneEvents events;

    Milestones(MilestoneEvents events) {
        this.events = events;
    }

    /**
     * Records a new milestone under the id the client chose. An id already taken is a conflict rather than an update:
     * silently overwriting would lose the other editor's milestone. Two registrations racing for one id
     * meet at the primary key; the flush turns the loser's violation into the same 409.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public MilestoneView record(NewMilestone input) {
        if (Milestone.findByIdOptional(input.id()).isPresent()) {
            throw new ClientErrorException("milestone '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Milestone m = new Milestone();
        m.id = input.id();
        m.title = input.title();
        m.category = MilestoneCategory.fromCode(input.category());
        m.date = input.date();
        m.actors = List.copyOf(input.actors());
        m.summary = input.summary();
        m.version = 1;
        m.createdAt = now;
        m.updatedAt = now;
        try {
            m.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw new ClientErrorException("milestone '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        events.changed(m);
        return MilestoneView.of(m);
    }

    public Optional<MilestoneView> find(String id) {
        return Milestone.<Milestone>findByIdOptional(id).map(MilestoneView::of);
    }

    public Page<MilestoneView> list(MilestoneFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        filter.category().ifPresent(v -> { where.add("category = :category"); params.and("category", v); });
        filter.actor().ifPresent(v -> { where.add("array_contains(actors, :actor)"); params.and("actor", v); });
        // Every fuzzy date starts with its four-digit year, so comparing that prefix as text compares years.
        filter.fromYear().ifPresent(v -> { where.add("substring(date, 1, 4) >= :fromYear"); params.and("fromYear", "%04d".formatted(v)); });
        filter.toYear().ifPresent(v -> { where.add("substring(date, 1, 4) <= :toYear"); params.and("toYear", "%04d".formatted(v)); });
        String query = (where.length() == 0 ? "" : where + " ") + "order by date, id";
        PanacheQuery<Milestone> found = Milestone.find(query, params);
        return Page.of(found, page, MilestoneView::of);
    }
}
