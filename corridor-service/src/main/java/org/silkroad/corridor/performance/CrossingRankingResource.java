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

@Path("/api/crossings")
@Tag(name = "Corridor performance")
@PermitAll
public class CrossingRankingResource {

    private final CorridorPerformance performance;

    CrossingRankingResource(CorridorPerformance performance) {
        this.performance = performance;
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "Border crossings ranked by crossing time (hours) or cost (USD), best first")
    public List<CorridorPerformance.RankedCrossing> ranking(@QueryParam("metric") @NotBlank(message = "must be crossing_time or crossing_cost") String metric,
                                                           @QueryParam("mode") String mode, @QueryParam("direction") String direction,
                                                           @QueryParam("period") String period) {
        return performance.ranking(MeasurementResource.metric(metric), mode, direction,
                period == null ? null : MeasurementResource.period("period", period));
    }
}
