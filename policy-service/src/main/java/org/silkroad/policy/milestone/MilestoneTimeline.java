package org.silkroad.policy.milestone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.api.MilestoneView;
import org.silkroad.policy.milestone.api.SearchHit;
import org.silkroad.policy.milestone.api.TargetView;
import org.silkroad.policy.milestone.api.TreeNode;
import org.silkroad.policy.milestone.domain.Milestone;
import org.silkroad.policy.milestone.domain.Target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;


/**
 * Reads over many milestones: the timeline with its filters, full-text search, targets and the initiative tree.
 * These need PostgreSQL itself (arrays, tsvector, recursive queries), so they are native SQL; the ids found are then
 * loaded as entities so every answer has the one public shape.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MilestoneTimeline {

    /**
     * {@code StatusTimeline.statusAt} as SQL over the effective days the service stores, for the day {@code :at}.
     * Kept next to nothing else on purpose: {@code StatusAtDateTest} checks the two agree.
     */
    static final String STATUS_AT = """
            (CASE WHEN ended_on <= :at THEN ended_as
                  WHEN in_force_on <= :at THEN 'in_force'
                  WHEN signed_on <= :at THEN 'signed'
                  WHEN announced_on <= :at THEN 'announced'
                  WHEN announced_on IS NULL AND signed_on IS NULL AND in_force_on IS NULL AND ended_on IS NULL THEN 'unknown'
                  ELSE 'pending' END)""";

    private final EntityManager em;
    private final ObjectMapper json;

    MilestoneTimeline(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One page of milestones in date order, or in order of change when reading changes since a moment. */
    public Page<MilestoneView> list(MilestoneFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        filter.category().ifPresent(v -> { where.add("category = :category"); params.put("category", v.code()); });
        if (!filter.actors().isEmpty()) {
            StringJoiner any = new StringJoiner(" OR ", "(", ")");
            for (int i = 0; i < filter.actors().size(); i++) {
                any.add("actors @> ARRAY[CAST(:actor" + i + " AS text)]");
                params.put("actor" + i, filter.actors().get(i));
            }
            where.add(any.toString());
        }
        // Every fuzzy date starts with its four-digit year, so comparing that prefix as text compares years.
        filter.fromYear().ifPresent(v -> { where.add("substring(coalesce(date_end, date), 1, 4) >= :fromYear"); params.put("fromYear", "%04d".formatted(v)); });
        filter.toYear().ifPresent(v -> { where.add("substring(date, 1, 4) <= :toYear"); params.put("toYear", "%04d".formatted(v)); });
        filter.status().ifPresent(v -> { where.add(STATUS_AT + " = :status"); params.put("status", v.code()); params.put("at", filter.at()); });
        filter.text().ifPresent(v -> { where.add("search @@ websearch_to_tsquery('english', :text)"); params.put("text", v); });
        filter.updatedAfter().ifPresent(v -> { where.add("updated_at > :updatedAfter"); params.put("updatedAfter", v); });
        filter.parent().ifPresent(v -> { where.add("parent_id = :parent"); params.put("parent", v); });
        String order = filter.updatedAfter().isPresent() ? " ORDER BY updated_at, id" : " ORDER BY date, id";

        long total = ((Number) bind(em.createNativeQuery("SELECT count(*) FROM milestone" + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<String> ids = bind(em.createNativeQuery("SELECT id FROM milestone" + where + order), params)
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        Map<String, Milestone> loaded = load(ids);
        List<MilestoneView> items = ids.stream().map(id -> MilestoneView.of(loaded.get(id), filter.at())).toList();
        return page(items, page, total);
    }

    /**
     * Full-text search over title, summary and notes, best first. Title words weigh most (A), then summary (B), then
     * notes (C); ts_rank_cd also rewards the words standing close together, which suits names such as "Nurly Zhol".
     */
    public Page<SearchHit> search(String text, LocalDate asOf, PageRequest page) {
        Map<String, Object> params = Map.of("text", text);
        long total = ((Number) bind(em.createNativeQuery(
                "SELECT count(*) FROM milestone WHERE search @@ websearch_to_tsquery('english', :text)"), params)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                SELECT id, ts_rank_cd(search, query) AS rank
                FROM milestone, websearch_to_tsquery('english', :text) AS query
                WHERE search @@ query
                ORDER BY rank DESC, date, id"""), params)
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        Map<String, Milestone> loaded = load(rows.stream().map(r -> (String) r[0]).toList());
        List<SearchHit> hits = rows.stream()
                .map(r -> new SearchHit(((Number) r[1]).doubleValue(), MilestoneView.of(loaded.get((String) r[0]), asOf)))
                .toList();
        return page(hits, page, total);
    }

    /** Every target of every milestone, by the milestone's date, optionally only those falling due within years. */
    public Page<TargetView> targets(Integer deadlineFrom, Integer deadlineTo, PageRequest page) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        if (deadlineFrom != null) {
            where.add("substring(t.value ->> 'deadline', 1, 4) >= :from");
            params.put("from", "%04d".formatted(deadlineFrom));
        }
        if (deadlineTo != null) {
            where.add("substring(t.value ->> 'deadline', 1, 4) <= :to");
            params.put("to", "%04d".formatted(deadlineTo));
        }
        String from = " FROM milestone m CROSS JOIN LATERAL jsonb_array_elements(m.targets) WITH ORDINALITY AS t(value, ordinal)";
        long total = ((Number) bind(em.createNativeQuery("SELECT count(*)" + from + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT m.id, m.title, CAST(t.value AS text), t.ordinal" + from + where
                + " ORDER BY m.date, m.id, t.ordinal"), params)
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        List<TargetView> items = new ArrayList<>();
        for (Object[] row : rows) {
            items.add(TargetView.of((String) row[0], (String) row[1], ((Number) row[3]).intValue(), parse((String) row[2])));
        }
        return page(items, page, total);
    }

    /** The milestone with everything below it, and the path from the root of its tree down to it. */
    public TreeNode.Tree tree(String id, LocalDate asOf) {
        Milestone root = Milestone.<Milestone>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no milestone " + id));
        @SuppressWarnings("unchecked")
        List<String> below = em.createNativeQuery("""
                WITH RECURSIVE below(id) AS (
                    SELECT id FROM milestone WHERE parent_id = :id
                    UNION SELECT m.id FROM milestone m JOIN below b ON m.parent_id = b.id)
                SELECT id FROM below""").setParameter("id", id).getResultList();
        Map<String, Milestone> loaded = load(below);
        Map<String, List<Milestone>> children = new HashMap<>();
        loaded.values().stream()
                .sorted((a, b) -> (a.date + a.id).compareTo(b.date + b.id))
                .forEach(m -> children.computeIfAbsent(m.parentId, k -> new ArrayList<>()).add(m));
        List<TreeNode.Ancestor> ancestors = new ArrayList<>();
        String up = root.parentId;
        while (up != null && ancestors.size() < 100) {
            Milestone parent = Milestone.findById(up);
            ancestors.add(0, new TreeNode.Ancestor(parent.id, parent.title));
            up = parent.parentId;
        }
        return new TreeNode.Tree(ancestors, node(root, children, asOf));
    }

    private static TreeNode node(Milestone m, Map<String, List<Milestone>> children, LocalDate asOf) {
        return new TreeNode(m.id, m.title, m.category.code(), m.date, m.dateEnd, m.timeline().statusAt(asOf).code(),
                children.getOrDefault(m.id, List.of()).stream().map(c -> node(c, children, asOf)).toList());
    }

    private Target parse(String target) {
        try {
            return json.readValue(target, Target.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored target is not valid JSON", e);
        }
    }

    private static Map<String, Milestone> load(List<String> ids) {
        Map<String, Milestone> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Milestone.<Milestone>list("id in ?1", ids).forEach(m -> byId.put(m.id, m));
        }
        return byId;
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static <T> Page<T> page(List<T> items, PageRequest page, long total) {
        return new Page<>(items, page.page, page.size, total, (int) ((total + page.size - 1) / page.size));
    }
}
