package org.silkroad.gateway.readmodel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.contracts.Topic;
import org.silkroad.gateway.readmodel.persistence.Timestamps;

import java.time.OffsetDateTime;

/** The read model's copy of one aggregate, as the last applied event left it. */
@Path("/api/read-model/{topic}/{id}")
@Tag(name = "Read model")
public class AggregateResource {

    public record AggregateView(String topic, String id, String source, long version, boolean deleted, String eventType,
                                JsonNode state, OffsetDateTime eventTime) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    AggregateResource(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @GET
    @Transactional
    @Operation(summary = "One aggregate as the gateway holds it (deleted ones too, with their last version)")
    public AggregateView get(@PathParam("topic") String topic, @PathParam("id") String id) throws Exception {
        if (Topic.byName(topic).isEmpty()) {
            throw new NotFoundException("no topic " + topic);
        }
        Object[] row;
        try {
            row = (Object[]) em.createNativeQuery("""
                            SELECT source, version, deleted, event_type, CAST(payload AS text), event_time
                              FROM aggregate_state WHERE topic = :topic AND aggregate_id = :id
                            """)
                    .setParameter("topic", topic).setParameter("id", id).getSingleResult();
        } catch (NoResultException e) {
            throw new NotFoundException("the read model holds no " + id + " from " + topic);
        }
        String payload = (String) row[4];
        return new AggregateView(topic, id, (String) row[0], ((Number) row[1]).longValue(), (Boolean) row[2],
                (String) row[3], payload == null ? null : json.readTree(payload), Timestamps.utc(row[5]));
    }
}
