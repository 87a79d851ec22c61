package org.silkroad.corridor.performance;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.corridor.measurement.api.MeasurementResource;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.platform.problem.InvalidInput;

import java.util.List;

@Path("/api/assets/{id}")
@Tag(name = "Corridor performance")
@PermitAll
public class AssetPerformanceResource {

    private final CorridorPerformance performance;

    AssetPerformanceResource(CorridorPerformance performance) {
        this.performance = performance;
    }

    @GET
    @Path("/utilization")
    @Operation(summary = "Latest throughput divided by capacity, on the capacity's basis")
    public CorridorPerformance.AssetUtilization utilization(@PathParam("id") String id) {
        return performance.utilization(id);
    }

    @GET
    @Path("/trend")
    @Operation(summary = "Yearly values of one metric with the year-on-year change")
    public List<CorridorPerformance.YearValue> trend(@PathParam("id") String id,
                                                     @QueryParam("metric") @NotBlank(message = "must name the metric") String metric,
                                                     @QueryParam("direction") String direction, @QueryParam("mode") String mode) {
        return performance.trend(id, MeasurementResource.metric(metric), direction, mode);
    }

    @GET
    @Path("/delay-share")
    @Operation(summary = "1 − speed with delay / speed without delay, per period, direction and mode")
    public List<CorridorPerformance.DelayShare> delayShare(@PathParam("id") String id) {
        return performance.delayShare(id);
    }
}
