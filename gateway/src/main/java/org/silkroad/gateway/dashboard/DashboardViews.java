package org.silkroad.gateway.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.dashboard.views.CorridorBoard;
import org.silkroad.gateway.dashboard.views.EventFeed;
import org.silkroad.gateway.dashboard.views.PolicyTimeline;
import org.silkroad.gateway.dashboard.views.TradeViews;
import org.silkroad.gateway.readmodel.ReadModelGeneration;
import org.silkroad.gateway.readmodel.persistence.Timestamps;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every dashboard view by name. A view's data is computed from the read model once per change of it and kept;
 * each request only adds {@code asOf} and the freshness of the view's sources. The ETag covers the data and the
 * stale flags (not ages), so a poller gets 304 until something it would show changes.
 */
@ApplicationScoped
public class DashboardViews {

    /** The views the live stream pushes, in the order a new subscriber receives them. */
    public static final List<String> STREAMED = List.of("overview", "trade-trend", "mirror", "commodities",
            "central-asia", "corridors", "policy", "events");

    private record Definition(List<String> sources, Supplier<Object> data) {
    }

    private record Computed(long generation, ObjectNode data, String hash) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();
    private final ReadModelGeneration generation;
    private final Freshness freshness;
    private final EntityManager em;
    private final ObjectMapper json;

    DashboardViews(ReadModelGeneration generation, Freshness freshness, EntityManager em, ObjectMapper json,
                   OverviewQuery overview, TradeViews trade, CorridorBoard corridors, PolicyTimeline policy, EventFeed events) {
        this.generation = generation;
        this.freshness = freshness;
        this.em = em;
        this.json = json;
        List<String> all = List.of("trade", "corridor", "policy");
        definitions.put("overview", new Definition(all, overview::current));
        definitions.put("trade-trend", new Definition(List.of("trade", "policy"), () -> trade.trend("CHN", "KAZ", 1992, 2020)));
        definitions.put("mirror", new Definition(List.of("trade"), () -> trade.mirror("CHN", "KAZ")));
        definitions.put("commodities", new Definition(List.of("trade"), trade::commodities));
        definitions.put("central-asia", new Definition(List.of("trade"), trade::centralAsia));
        definitions.put("corridors", new Definition(List.of("corridor"), corridors::board));
        definitions.put("policy", new Definition(List.of("policy", "trade", "corridor"), policy::timeline));
        definitions.put("events", new Definition(all, () -> events.page(0, 20)));
        definitions.put("sources", new Definition(List.of(), this::lastEvents));
    }

    /** A view with its default parameters, from the cache while the read model has not changed. */
    public ViewSnapshot snapshot(String view) {
        Definition definition = definitions.get(view);
        if (definition == null) {
            throw new IllegalArgumentException("no view " + view);
        }
        return envelope(view, definition.sources(), cached(view, definition.data()));
    }

    /** A view with other parameters (another page, another pair of countries): computed on each call. */
    public ViewSnapshot uncached(String view, List<String> sources, Supplier<Object> data) {
        return envelope(view, sources, compute(data));
    }

    private ViewSnapshot envelope(String view, List<String> sources, Computed data) {
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode lastEvents = cached("sources", definitions.get("sources").data()).data();
        Map<String, OffsetDateTime> last = new LinkedHashMap<>();
        for (String source : sources) {
            String at = lastEvents.path(source).asText(null);
            last.put(source, at == null ? null : OffsetDateTime.parse(at));
        }
        List<SourceFreshness> perSource = freshness.at(asOf, last);
        StringBuilder staleBits = new StringBuilder();
        boolean stale = false;
        for (SourceFreshness f : perSource) {
            staleBits.append(f.stale() ? '1' : '0');
            stale |= f.stale();
        }
        ObjectNode body = json.createObjectNode();
        body.put("view", view);
        body.put("asOf", asOf.toString());
        body.put("stale", stale);
        body.set("freshness", json.valueToTree(perSource));
        body.setAll(data.data());
        return new ViewSnapshot(view, data.hash().substring(0, 20) + "." + staleBits, body);
    }

    private Computed cached(String view, Supplier<Object> data) {
        long before = generation.current();
        Computed held = cache.get(view);
        if (held != null && held.generation() == before && generation.settled()) {
            return held;
        }
        boolean settled = generation.settled();
        Computed fresh = compute(data);
        if (settled && generation.settled() && generation.current() == before) {
            cache.put(view, new Computed(before, fresh.data(), fresh.hash()));
        }
        return fresh;
    }

    private Computed compute(Supplier<Object> data) {
        Object value = QuarkusTransaction.joiningExisting().call(data::get);
        ObjectNode node = json.valueToTree(value);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(node));
            return new Computed(-1, node, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> lastEvents() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            result.put(topic.source(), null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT source, last_event_at FROM source_activity").getResultList();
        rows.forEach(row -> result.put((String) row[0], Timestamps.utc(row[1]).toString()));
        return result;
    }
}
