package org.silkroad.policy.milestone.api;

import org.silkroad.platform.problem.InvalidInput;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.policy.milestone.MilestoneFilter;
import org.silkroad.policy.milestone.MilestoneTimeline;
import org.silkroad.policy.milestone.Milestones;
import org.silkroad.policy.milestone.domain.MilestoneCategory;
import org.silkroad.policy.milestone.domain.MilestoneStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

@Path("/api/milestones")
@Tag(name = "Policy milestones")
public class MilestoneResource {

    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    private final Milestones milestones;
    private final MilestoneTimeline timeline;
    private final SecurityIdentity caller;

    MilestoneResource(Milestones milestones, MilestoneTimeline timeline, SecurityIdentity caller) {
        this.milestones = milestones;
        this.timeline = timeline;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Record a new milestone", description = "409 if the id is taken; 400 naming the field for bad "
            + "input, impossible date orders (lifecycle.inForce before lifecycle.signed), unknown parent or a cycle.")
    public Response record(@NotNull(message = "a JSON body is required") @Valid NewMilestone input, @Context UriInfo uri) {
        MilestoneView created = milestones.record(input, caller.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Replace a milestone", description = "Sending the current content changes nothing and publishes nothing.")
    public MilestoneView replace(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewMilestone input) {
        return milestones.replace(id, input, caller.getPrincipal().getName());
    }

    @POST
    @Path("/import")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Import a file of milestones, all or nothing",
            description = "Takes the format of policy_milestones.json (an array; date_end, source and note accepted as "
                    + "written there). New ids are created, changed ones replaced, identical ones left alone.")
    public ImportReport importAll(@NotNull(message = "a JSON array is required")
                                  @Size(max = 10_000, message = "must hold at most 10000 milestones per request")
                                  List<@Valid @NotNull NewMilestone> milestones) {
        return this.milestones.importAll(milestones, caller.getPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One milestone, with its status on a day (today by default)")
    public MilestoneView get(@PathParam("id") String id,
                             @QueryParam("at") @Parameter(description = "YYYY-MM-DD") @Pattern(regexp = DAY, message = "must be a day written YYYY-MM-DD") String at) {
        return milestones.find(id, day("at", at)).orElseThrow(() -> new NotFoundException("no milestone " + id));
    }

    @GET
    @Path("/{id}/history")
    @PermitAll
    @Operation(summary = "Every published state of a milestone, newest first")
    public Page<RevisionView> history(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return milestones.history(id, page);
    }

    @GET
    @Path("/{id}/tree")
    @PermitAll
    @Operation(summary = "The milestone with every milestone below it, and its ancestors")
    public TreeNode.Tree tree(@PathParam("id") String id,
                              @QueryParam("at") @Pattern(regexp = DAY, message = "must be a day written YYYY-MM-DD") String at) {
        return timeline.tree(id, day("at", at));
    }

    @GET
    @PermitAll
    @Operation(summary = "The timeline: milestones in date order, filtered",
            description = "from/to are inclusive years a milestone's period overlaps; status is the status on 'at' "
                    + "(today by default); q is full-text; updatedAfter lists changes since a moment, in order of change.")
    public Page<MilestoneView> list(
            @QueryParam("category") @Pattern(regexp = MilestoneCategory.CODES, message = "must be one of " + MilestoneCategory.CODES) String category,
            @QueryParam("actor") List<@KnownActor String> actors,
            @QueryParam("from") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer from,
            @QueryParam("to") @Min(value = 0, message = "must be a year") @Max(value = 9999, message = "must be a year") Integer to,
            @QueryParam("status") @Pattern(regexp = MilestoneStatus.CODES, message = "must be one of " + MilestoneStatus.CODES) String status,
            @QueryParam("at") @Pattern(regexp = DAY, message = "must be a day written YYYY-MM-DD") String at,
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("updatedAfter") @Parameter(description = "ISO date-time with offset") String updatedAfter,
            @QueryParam("parent") String parent,
            @Valid @BeanParam PageRequest page) {
        MilestoneFilter filter = new MilestoneFilter(Optional.ofNullable(category).map(MilestoneCategory::fromCode),
                actors == null ? List.of() : actors, Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(status).map(MilestoneStatus::fromCode), day("at", at),
                Optional.ofNullable(text).filter(t -> !t.isBlank()), Optional.ofNullable(moment("updatedAfter", updatedAfter)),
                Optional.ofNullable(parent));
        return timeline.list(filter, page);
    }

    @GET
    @Path("/in-force")
    @PermitAll
    @Operation(summary = "Milestones in force on a day (today by default)")
    public Page<MilestoneView> inForce(@QueryParam("at") @Pattern(regexp = DAY, message = "must be a day written YYYY-MM-DD") String at,
                                       @Valid @BeanParam PageRequest page) {
        MilestoneFilter all = MilestoneFilter.all(day("at", at));
        return timeline.list(new MilestoneFilter(all.category(), all.actors(), all.fromYear(), all.toYear(),
                Optional.of(MilestoneStatus.IN_FORCE), all.at(), all.text(), all.updatedAfter(), all.parent()), page);
    }

    @GET
    @Path("/search")
    @PermitAll
    @Operation(summary = "Full-text search over title, summary and notes, best match first",
            description = "Web-search syntax: words, \"quoted phrases\", or, -excluded.")
    public Page<SearchHit> search(@QueryParam("q") @NotBlank(message = "must give words to search for") @Size(max = 200) String q,
                                  @Valid @BeanParam PageRequest page) {
        return timeline.search(q, milestones.today(), page);
    }

    private LocalDate day(String field, String written) {
        if (written == null) {
            return milestones.today();
        }
        try {
            return LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be a real calendar day");
        }
    }

    private static OffsetDateTime moment(String field, String written) {
        if (written == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(written);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be an ISO date-time with offset, such as 2024-05-01T00:00:00Z");
        }
    }
}
