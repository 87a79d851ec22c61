package org.silkroad.corridor.asset.domain;

import jakarta.validation.constraints.Size;

/** A named container-train service: where it starts, which border crossing it leaves by, where it ends. */
public record RailServiceRoute(
        @Size(max = 200) String origin,
        /** The id of the border crossing asset it uses, when known. */
        @Size(max = 80) String gatewayCrossing,
        @Size(max = 200) String destination) {
}
