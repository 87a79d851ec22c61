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
 * Every dashboard view by name. A view's data is computed from the read model once per change of what it reads
 * (per owning service) and kept; a rendering only adds {@code asOf} and the freshness of the view's sources. The ETag covers the data and the
 * stale flags (not ages), so a poller gets 304 until something it would show changes.
 */
@ApplicationScoped
public class DashboardViews {

    /** The views the live stream pushes, in the order a new subscriber receives them. */
    public static final List<String> STREAMED = List.of("overview", "trade-trend", "mirror", "commodities",
            "central-asia", "corridors", "policy", "events");

    /**
     * @param sources   the owning services whose freshness the view shows
     * @param dependsOn the owning services whose data it reads: a change elsewhere leaves it cached
     */
    private record Definition(List<String> sources, List<String> dependsOn, Supplier<Object> data) {
        Definition(List<String> sources, Supplier<Object> data) {
            this(sources, sources, data);
        }
    }

    private record Computed(long generation, Object value, ObjectNode data, String hash) {
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
        List<String> all = ReadModelGeneration.SOURCES;
        // The overview reuses the corridor board and the policy timeline of their own views instead of
        // computing them a second time.
        definitions.put("overview", new Definition(all, () -> overview.current(
                value("corridors", CorridorBoard.Board.class), value("policy", PolicyTimeline.Timeline.class))));
        definitions.put("trade-trend", new Definition(List.of("trade", "policy"), () -> trade.trend("CHN", "KAZ", 1992, 2020)));
        definitions.put("mirror", new Definition(List.of("trade"), () -> trade.mirror("CHN", "KAZ")));
        definitions.put("commodities", new Definition(List.of("trade"), trade::commodities));
        definitions.put("central-asia", new Definition(List.of("trade"), trade::centralAsia));
        definitions.put("corridors", new Definition(List.of("corridor"), corridors::board));
        definitions.put("policy", new Definition(List.of("policy", "trade", "corridor"), policy::timeline));
        definitions.put("events", new Definition(all, () -> events.page(0, 20)));
        definitions.put("sources", new Definition(List.of(), all, this::lastEvents));
    }

    /** The owning services whose data a view reads. */
    public List<String> dependsOn(String view) {
        return definition(view).dependsOn();
    }

    /** A view with its default parameters, its data from the cache while what it reads has not changed. */
    public ViewSnapshot snapshot(String view) {
        Definition definition = definition(view);
        return envelope(view, definition.sources(), cached(view));
    }

    /** A view with other parameters (another page, another pair of countries): computed on each call. */
    public ViewSnapshot uncached(String view, List<String> sources, Supplier<Object> data) {
        return envelope(view, sources, compute(data));
    }

    private Definition definition(String view) {
        Definition definition = definitions.get(view);
        if (definition == null) {
            throw new IllegalArgumentException("no view " + view);
        }
        return definition;
    }

    private ViewSnapshot envelope(String view, List<String> sources, Computed data) {
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode lastEvents = cached("sources").data();
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

    private <T> T value(String view, Class<T> type) {
        return type.cast(cached(view).value());
    }

    private Computed cached(String view) {
        Definition definition = definition(view);
        List<String> reads = definition.dependsOn();
        long before = generation.current(reads);
        Computed held = cache.get(view);
        if (held != null && held.generation() == before && generation.settled(reads)) {
            return held;
        }
        boolean settled = generation.settled(reads);
        Computed fresh = compute(definition.data());
        if (settled && generation.settled(reads) && generation.current(reads) == before) {
            cache.put(view, new Computed(before, fresh.value(), fresh.data(), fresh.hash()));
        }
        return fresh;
    }

    private Computed compute(Supplier<Object> data) {
        Object value = QuarkusTransaction.joiningExisting().call(data::get);
        ObjectNode node = json.valueToTree(value);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(node));
            return new Computed(-1, value, node, HexFormat.of().formatHex(digest));
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
