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

@Path("/api/units")
@Tag(name = "Units")
@PermitAll
public class UnitConversionResource {

    /** The answer of a unit conversion. */
    public record Conversion(double value, String from, double result, String to) {
    }

    @GET
    @Path("/convert")
    @Operation(summary = "Convert a value between units of the catalogue (t/day ↔ Mt/year, bcm ↔ m3, FEU ↔ TEU …)")
    public Conversion convert(@QueryParam("value") @NotNull(message = "must be a number") Double value,
                              @QueryParam("from") @NotBlank(message = "must name a unit") String from,
                              @QueryParam("to") @NotBlank(message = "must name a unit") String to) {
        Unit f = Units.find(from).orElseThrow(() -> InvalidInput.of("from", "unknown unit '" + from + "'"));
        Unit t = Units.find(to).orElseThrow(() -> InvalidInput.of("to", "unknown unit '" + to + "'"));
        if (!f.convertsTo(t)) {
            throw InvalidInput.of("to", "cannot convert " + from + " to " + to + " (different dimension or period basis)");
        }
        return new Conversion(value, from, Units.convert(value, f, t), to);
    }
}
