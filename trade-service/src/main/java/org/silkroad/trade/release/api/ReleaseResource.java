package org.silkroad.trade.release.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.silkroad.platform.validation.CalendarDate;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.format.RowProblem;
import org.silkroad.trade.release.importing.ImportRefused;
import org.silkroad.trade.release.importing.ReleaseImporter;
import org.silkroad.trade.release.importing.ReleaseUploads;
import org.silkroad.trade.release.persistence.ReleaseStore;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/releases")
@Tag(name = "Releases (imports)")
public class ReleaseResource {

    private final ReleaseUploads uploads;
    private final ReleaseStore releases;
    ReleaseResource(ReleaseUploads uploads, ReleaseStore releases) {
        this.uploads = uploads;
        this.releases = releases;
    }

    /**
     * Imports a file sent as the body: {@code application/json} is a Comtrade+ API answer, {@code text/csv} is
     * recognised by its header (or named with {@code format}). 201 with the new release; 200 with the earlier release
     * when the same content was imported before (nothing changes, nothing is published); 400 with every rejected row
     * when any row is wrong (nothing is imported); 413 when the file is too large. A large file (or any file sent with
     * {@code Prefer: respond-async}) answers 202 with the running release and its Location at once; its progress,
     * problems and outcome are on {@code GET /api/releases/{id}}.
     */
    @POST
    @Consumes("*/*")
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    public Response upload(InputStream body,
                           @HeaderParam("Content-Type") String contentType,
                           @QueryParam("format") String format,
                           @QueryParam("source") String source,
                           @QueryParam("fileName") String fileName,
                           @QueryParam("published") @CalendarDate String published,
                           @HeaderParam("Prefer") String prefer,
                           @Context UriInfo uri) {
        try {
            boolean async = prefer != null && prefer.toLowerCase().contains("respond-async");
            ReleaseImporter.Outcome outcome = uploads.upload(body, contentType, format, source, fileName,
                    published == null ? null : LocalDate.parse(published), async);
            java.net.URI location = uri.getAbsolutePathBuilder().path(outcome.release().id().toString()).build();
            return switch (outcome.result()) {
                case SAME_CONTENT -> Response.ok(outcome.release()).build();
                case IMPORTED -> Response.created(location).entity(outcome.release()).build();
                case ACCEPTED -> Response.accepted(outcome.release()).location(location).build();
            };
        } catch (ImportRefused refused) {
            throw rejected(refused.release());
        }
    }

    @GET
    @PermitAll
    public Page<ReleaseView> list(@Valid @BeanParam PageRequest page) {
        long total = releases.count();
        return new Page<>(releases.page(page.page, page.size), page.page, page.size,
                total, (int) ((total + page.size - 1) / page.size));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public ReleaseView get(@PathParam("id") UUID id) {
        return releases.find(id).orElseThrow(() -> new NotFoundException("no release " + id));
    }

    private static HttpProblem rejected(ReleaseView release) {
        List<RowProblem> rows = release.problems();
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(release.failure())
                .with("releaseId", release.id().toString())
                .with("rowsRead", release.rowsRead())
                .with("rowsRejected", release.rowsRejected())
                .with("rows", rows.stream().map(p -> Map.of("row", p.row(), "field", p.field(), "reason", p.reason())).toList())
                .with("violations", rows.stream().map(p -> Map.of("field", p.field(), "in", "body",
                        "message", "row " + p.row() + ": " + p.reason())).toList())
                .build();
    }
}
