package org.silkroad.policy.milestone;

import org.silkroad.platform.problem.InvalidInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.api.ImportReport;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;
import org.silkroad.policy.milestone.api.MilestoneView;
import org.silkroad.policy.milestone.api.NewMilestone;
import org.silkroad.policy.milestone.api.RevisionView;
import org.silkroad.policy.milestone.domain.DateOrder;
import org.silkroad.policy.milestone.domain.Milestone;
import org.silkroad.policy.milestone.domain.MilestoneCategory;
import org.silkroad.policy.milestone.domain.MilestoneRevision;
import org.silkroad.policy.milestone.events.MilestoneEvents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Records, replaces, imports and finds policy milestones. Every accepted change bumps the milestone's version, keeps a
 * revision and goes out as an event in the same transaction; a change that changes nothing does none of these.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Milestones {

    private final MilestoneEvents events;
    private final Clock clock;
    private final ObjectMapper json;

    Milestones(MilestoneEvents events, Clock clock, ObjectMapper json) {
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Records a new milestone under the id the client chose. An id already taken is a conflict rather than an update:
     * silently overwriting would lose the other editor's milestone. Two registrations racing for one id
     * meet at the primary key; the flush turns the loser's violation into the same 409.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public MilestoneView record(NewMilestone input, String editor) {
        if (Milestone.findByIdOptional(input.id()).isPresent()) {
            throw new ClientErrorException("milestone '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        rejectIfInconsistent(List.of(input), "");
        Milestone m = create(input);
        try {
            m.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw new ClientErrorException("milestone '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        return publish(m, "created", editor);
    }

    /** Replaces a milestone's content. Sending what is already there changes nothing and publishes nothing. */
    @Transactional(Transactional.TxType.REQUIRED)
    public MilestoneView replace(String id, NewMilestone input, String editor) {
        if (!id.equals(input.id())) {
            throw InvalidInput.of("id", "must equal the id in the path (" + id + ")");
        }
        // Locked, so two editors replacing one milestone at once publish versions 2 and 3, never 2 twice.
        Milestone m = Milestone.<Milestone>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no milestone " + id));
        rejectIfInconsistent(List.of(input), "");
        if (MilestoneView.inputOf(m).sameContentAs(input)) {
            return MilestoneView.of(m, today());
        }
        apply(m, input);
        m.version++;
        m.updatedAt = now();
        return publish(m, "updated", editor);
    }

    /**
     * Imports a file of milestones all or nothing: any inconsistent item rejects the whole file with a problem naming
     * each bad item's field. New ids are created, changed ones replaced, identical ones left alone, so importing the
     * same file twice changes nothing and publishes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ImportReport importAll(List<NewMilestone> items, String editor) {
        rejectIfInconsistent(items, "milestones");
        Map<String, Milestone> existing = new HashMap<>();
        for (List<String> chunk : chunks(items.stream().map(NewMilestone::id).toList(), 1000)) {
            Milestone.<Milestone>find("id in ?1", chunk).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(m -> existing.put(m.id, m));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = now();
        for (NewMilestone input : items) {
            Milestone m = existing.get(input.id());
            if (m == null) {
                m = create(input);
                m.persist();
                publish(m, "imported", editor);
                created++;
            } else if (MilestoneView.inputOf(m).sameContentAs(input)) {
                unchanged++;
            } else {
                apply(m, input);
                m.version++;
                m.updatedAt = now;
                publish(m, "imported", editor);
                updated++;
            }
        }
        return new ImportReport(items.size(), created, updated, unchanged);
    }

    public Optional<MilestoneView> find(String id, LocalDate asOf) {
        return Milestone.<Milestone>findByIdOptional(id).map(m -> MilestoneView.of(m, asOf));
    }

    public Page<RevisionView> history(String id, PageRequest page) {
        if (Milestone.findByIdOptional(id).isEmpty()) {
            throw new NotFoundException("no milestone " + id);
        }
        return Page.of(MilestoneRevision.find("milestoneId = ?1 order by version desc", id), page, RevisionView::of);
    }

    /**
     * Publishes every milestone whose status today differs from the one its last event carried: the status changed
     * only because time passed a lifecycle date. Rows are locked, and PostgreSQL re-checks the condition on a locked
     * row, so a second replica running the same check at the same moment finds nothing left to publish.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int publishStatusChanges(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> ids = Milestone.getEntityManager()
                .createNativeQuery("SELECT id FROM milestone WHERE " + MilestoneTimeline.STATUS_AT
                        + " IS DISTINCT FROM published_status ORDER BY id FOR UPDATE")
                .setParameter("at", day)
                .getResultList();
        OffsetDateTime now = now();
        for (List<String> chunk : chunks(ids, 1000)) {
            for (Milestone m : Milestone.<Milestone>list("id in ?1", chunk)) {
                m.version++;
                m.updatedAt = now;
                publish(m, "status_changed", "system:status-check", day);
            }
        }
        return ids.size();
    }

    private MilestoneView publish(Milestone m, String reason, String editor) {
        return publish(m, reason, editor, today());
    }

    private MilestoneView publish(Milestone m, String reason, String editor, LocalDate day) {
        MilestoneView view = MilestoneView.of(m, day);
        m.publishedStatus = view.status();
        MilestoneRevision revision = new MilestoneRevision();
        revision.milestoneId = m.id;
        revision.version = m.version;
        revision.changedAt = m.updatedAt;
        revision.changedBy = editor;
        revision.reason = reason;
        revision.state = json.valueToTree(view);
        revision.persist();
        events.changed(m, view);
        return view;
    }

    private Milestone create(NewMilestone input) {
        Milestone m = new Milestone();
        m.id = input.id();
        apply(m, input);
        m.version = 1;
        m.createdAt = now();
        m.updatedAt = m.createdAt;
        return m;
    }

    private static void apply(Milestone m, NewMilestone input) {
        m.title = input.title();
        m.category = MilestoneCategory.fromCode(input.category());
        m.date = input.date();
        m.dateEnd = input.dateEnd();
        m.actors = new ArrayList<>(input.actors());
        m.summary = input.summary();
        m.notes = input.notes();
        m.sources = new ArrayList<>(input.sources());
        m.setLifecycle(input.lifecycle().toDates());
        m.alternativeDates = new ArrayList<>(input.alternativeDates());
        m.parentId = input.parent();
        m.links = input.links();
        m.targets = new ArrayList<>(input.targets());
    }

    /**
     * Checks what bean validation cannot see field by field: the order of dates, that a parent exists (in the database
     * or in the same file) and that parents form no cycle. Field names carry the item's index in a file.
     */
    private void rejectIfInconsistent(List<NewMilestone> items, String listField) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> parentInBatch = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            NewMilestone item = items.get(i);
            if (!seen.add(item.id())) {
                problems.add(new FieldProblem(prefix(listField, i) + "id", "appears more than once in the file"));
            }
            parentInBatch.put(item.id(), item.parent());
        }
        Set<String> parentsToLookUp = new HashSet<>();
        items.stream().map(NewMilestone::parent).filter(p -> p != null && !parentInBatch.containsKey(p)).forEach(parentsToLookUp::add);
        Map<String, String> parentInDatabase = parentsInDatabase(parentsToLookUp);
        Function<String, String> parentOf = id -> parentInBatch.containsKey(id) ? parentInBatch.get(id) : parentInDatabase.get(id);

        for (int i = 0; i < items.size(); i++) {
            NewMilestone item = items.get(i);
            String at = prefix(listField, i);
            DateOrder.check(item.date(), item.dateEnd(), item.lifecycle().toDates())
                    .forEach(v -> problems.add(new FieldProblem(at + v.field(), v.message())));
            if (item.parent() == null) {
                continue;
            }
            if (!parentInBatch.containsKey(item.parent()) && !parentInDatabase.containsKey(item.parent())) {
                problems.add(new FieldProblem(at + "parent", "names no known milestone ('" + item.parent() + "')"));
                continue;
            }
            String ancestor = item.parent();
            Set<String> visited = new HashSet<>();
            while (ancestor != null && visited.add(ancestor)) {
                if (ancestor.equals(item.id())) {
                    problems.add(new FieldProblem(at + "parent", "would make a cycle: '" + item.parent()
                            + "' is " + (item.parent().equals(item.id()) ? "the milestone itself" : "below '" + item.id() + "' in the tree")));
                    break;
                }
                ancestor = parentOf.apply(ancestor);
                if (ancestor != null && !parentInBatch.containsKey(ancestor) && !parentInDatabase.containsKey(ancestor)) {
                    parentInDatabase.putAll(parentsInDatabase(Set.of(ancestor)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
    }

    /** Parent ids (null for roots) of the given milestones that exist; missing ids are absent from the map. */
    private static Map<String, String> parentsInDatabase(Set<String> ids) {
        Map<String, String> parents = new HashMap<>();
        if (ids.isEmpty()) {
            return parents;
        }
        Milestone.getEntityManager().createQuery("select m.id, m.parentId from Milestone m where m.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> parents.put((String) row[0], (String) row[1]));
        return parents;
    }

    private static String prefix(String listField, int index) {
        return listField.isEmpty() ? "" : listField + "[" + index + "].";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}
