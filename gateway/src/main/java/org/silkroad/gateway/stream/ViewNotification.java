package org.silkroad.gateway.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.silkroad.gateway.readmodel.ReadModelChanged;

import java.util.List;

/**
 * What the stream sends about one view: its new ETag, the changes that led to it (empty for the current state sent
 * to a new subscriber, or when only freshness changed) and the view itself, so a page needs no second request.
 * A burst names at most a bounded number of changes; {@code changesOmitted} counts the rest, so a client that needs
 * every change knows to read the event feed instead of trusting the list.
 */
public record ViewNotification(String view, String etag, String reason, List<ReadModelChanged> changes, int changesOmitted,
                               ObjectNode state) {
}
