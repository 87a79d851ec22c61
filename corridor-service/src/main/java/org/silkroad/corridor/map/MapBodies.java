package org.silkroad.corridor.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialised map answers, kept while the map's revision stays the same. The revision is read from the database on
 * every request (a few milliseconds), so an answer is never served after a change, whichever instance made it; an
 * unchanged map costs that read and a copy instead of building 10,000 features again, and a client that sends the
 * ETag back gets 304 without a body.
 */
@ApplicationScoped
public class MapBodies {

    /** Distinct queries kept; maps are asked with few filter combinations, so a small bound suffices. */
    private static final int KEPT = 32;

    public record Body(String etag, byte[] json) {
    }

    private record Kept(String revision, Body body) {
    }

    private final CorridorMap map;
    private final ObjectMapper json;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    MapBodies(CorridorMap map, ObjectMapper json) {
        this.map = map;
        this.json = json;
    }

    /** The ETag the answer to {@code query} has now. */
    public String etag(MapQuery query) {
        return etag(map.revision(), query);
    }

    public Body body(MapQuery query) {
        String revision = map.revision();
        Kept k = kept.get(query.key());
        if (k != null && k.revision().equals(revision)) {
            return k.body();
        }
        Body body;
        try {
            body = new Body(etag(revision, query), json.writeValueAsBytes(map.featureCollection(query)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("map not serialisable", e);
        }
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        // Built from a read that may have started before a concurrent commit: kept under the revision read before it,
        // so the next request sees the newer revision and builds again rather than serving a stale body.
        kept.put(query.key(), new Kept(revision, body));
        return body;
    }

    private static String etag(String revision, MapQuery query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((revision + "#" + query.key()).getBytes(StandardCharsets.UTF_8));
            return "\"map-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
