package org.silkroad.corridor.measurement.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.corridor.measurement.MeasurementCsvImport;
import org.silkroad.corridor.measurement.MeasurementFilter;
import org.silkroad.corridor.measurement.Measurements;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

@Path("/api/measurements")
@Tag(name = "Measurements")
public class MeasurementResource {

    private final Measurements measurements;
    private final MeasurementCsvImport csvImport;

    MeasurementResource(Measurements measurements, MeasurementCsvImport csvImport) {
        this.measurements = measurements;
        this.csvImport = csvImport;
    }

    @POST
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Record one measurement: 201 when stored or corrected, 200 when the same statement was already there")
    public Response record(@NotNull(message = "a JSON body is required") @Valid NewMeasurement input, @Context UriInfo uri) {
        Measurements.Recorded recorded = measurements.record(input);
        if (!recorded.written()) {
            return Response.ok(recorded.measurement()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.measurement().id().toString()).build())
                .entity(recorded.measurement()).build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @RolesAllowed("editor")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Bulk import from CSV (streamed); valid rows are stored, refused rows are reported by line and field")
    public MeasurementCsvImport.Report importCsv(InputStream body) {
        return csvImport.importCsv(body);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public MeasurementView get(@PathParam("id") UUID id) {
        return measurements.find(id).orElseThrow(() -> new NotFoundException("no measurement " + id));
    }

    @GET
    @PermitAll
    @Operation(summary = "List measurements by asset, metric, period range (from/to: 2019, 2019-Q3, 2019-07, 2019-07-01), direction and mode")
    public Page<MeasurementView> list(@QueryParam("asset") String asset, @QueryParam("metric") String metric,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("direction") String direction, @QueryParam("mode") String mode,
                                      @Valid @BeanParam PageRequest page) {
        MeasurementFilter filter = new MeasurementFilter(Optional.ofNullable(asset), Optional.ofNullable(metric).map(MeasurementResource::metric),
                Optional.ofNullable(from).map(p -> period("from", p)), Optional.ofNullable(to).map(p -> period("to", p)),
                Optional.ofNullable(direction), Optional.ofNullable(mode));
        return measurements.list(filter, page);
    }

    public static Metric metric(String code) {
        return Metric.fromCode(code).orElseThrow(() -> InvalidInput.of("metric", "unknown metric '" + code
                + "'; expected one of " + Metric.CODES.replace("|", ", ")));
    }

    public static Period period(String field, String text) {
        return Period.parse(text).orElseThrow(() -> InvalidInput.of(field, "'" + text
                + "' is not a period; expected a year (2020), quarter (2020-Q1), month (2020-03) or day (2020-03-15)"));
    }
}
