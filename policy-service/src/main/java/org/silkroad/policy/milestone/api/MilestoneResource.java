package org.silkroad.policy.milestone.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.MilestoneFilter;
import org.silkroad.policy.milestone.Milestones;
import org.silkroad.policy.milestone.domain.MilestoneCategory;

import java.util.Optional;

@Path("/api/milestones")
@Tag(name = "Policy milestones")
public class MilestoneResource {

    private final Milestones milestones;

    MilestoneResource(Milestones milestones) {
        this.milestones = milestones;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response record(@NotNull(message = "a JSON body is required") @Valid NewMilestone input, @Context UriInfo uri) {
        MilestoneView created = milestones.record(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public MilestoneView get(@PathParam("id") String id) {
        return milestones.find(id).orElseThrow(() -> new NotFoundException("no milestone " + id));
    }

    @GET
    @PermitAll
    public Page<MilestoneView> list(
            @QueryParam("category") @Pattern(regexp = MilestoneCategory.CODES, message = "must be one of " + MilestoneCategory.CODES) String category,
            @QueryParam("actor") String actor,
            @QueryParam("from") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer from,
            @QueryParam("to") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer to,
            @Valid @BeanParam PageRequest page) {
        MilestoneFilter filter = new MilestoneFilter(Optional.ofNullable(category).map(MilestoneCategory::fromCode),
                Optional.ofNullable(actor), Optional.ofNullable(from), Optional.ofNullable(to));
        return milestones.list(filter, page);
    }
}
