package org.silkroad.policy.milestone.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.MilestoneTimeline;

@Path("/api/targets")
@Tag(name = "Policy targets")
public class TargetResource {

    private final MilestoneTimeline timeline;

    TargetResource(MilestoneTimeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @PermitAll
    @Operation(summary = "Quantitative commitments of all milestones, with the series they refer to",
            description = "Edited as part of their milestone. deadlineFrom/deadlineTo are inclusive years.")
    public Page<TargetView> list(
            @QueryParam("deadlineFrom") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer deadlineFrom,
            @QueryParam("deadlineTo") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer deadlineTo,
            @Valid @BeanParam PageRequest page) {
        return timeline.targets(deadlineFrom, deadlineTo, page);
    }
}
