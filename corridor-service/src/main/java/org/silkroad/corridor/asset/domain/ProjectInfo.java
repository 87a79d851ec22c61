package org.silkroad.corridor.asset.domain;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who builds a highway or other project and how far it is. */
public record ProjectInfo(
        @Size(max = 300) String contractor,
        @Pattern(regexp = "planned|under_construction|completed|operational|unknown",
                message = "must be one of planned, under_construction, completed, operational, unknown") String status,
        /** When it is expected to open, as the source says ("2021-2022"). */
        @Size(max = 100) String expectedOpening) {
}
