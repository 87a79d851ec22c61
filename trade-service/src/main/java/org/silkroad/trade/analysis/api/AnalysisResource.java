package org.silkroad.trade.analysis.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.trade.analysis.domain.Finding;
import org.silkroad.trade.analysis.domain.Printed;
import org.silkroad.trade.analysis.domain.TradeAnalysis;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.api.ObservationFilterParams;
import org.silkroad.platform.problem.InvalidInput;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Series, indicators, the mirror view, checks and availability; every one takes the observation filters and asOf. */
@Path("/api")
@Tag(name = "Trade analysis")
@PermitAll
public class AnalysisResource {

    private final TradeAnalysis analysis;

    AnalysisResource(TradeAnalysis analysis) {
        this.analysis = analysis;
    }

    @GET
    @Path("/series")
    public List<TradeAnalysis.SeriesPoint> series(@Valid @BeanParam ObservationFilterParams filter) {
        return analysis.series(filter.toQuery());
    }

    @GET
    @Path("/series/csv")
    @Produces("text/csv")
    public Response seriesCsv(@Valid @BeanParam ObservationFilterParams filter) {
        ObservationQuery query = filter.toQuery();
        // Streamed from the database to the client: an export of any size in constant memory.
        StreamingOutput body = out -> {
            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.print("period,year,reporter,partner,flow,commodity,value_usd,source,observation_id\r\n");
            analysis.seriesRows(query, row -> w.print(row.period() + "," + row.year() + "," + row.reporter() + "," + row.partner()
                    + "," + row.flow() + "," + row.commodity() + "," + row.valueUsd().toPlainString() + "," + csv(row.source()) + ","
                    + row.observationId() + "\r\n"));
            w.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"series.csv\"").build();
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @GET
    @Path("/indicators/balance")
    public List<TradeAnalysis.BalanceRow> balance(@Valid @BeanParam ObservationFilterParams filter) {
        return analysis.balance(pair(filter));
    }

    @GET
    @Path("/indicators/growth")
    public TradeAnalysis.Growth growth(@Valid @BeanParam ObservationFilterParams filter) {
        if (filter.flow == null) {
            throw InvalidInput.of("flow", "is required for growth rates");
        }
        ObservationQuery q = pair(filter);
        return analysis.growth(q, q.fromYear(), q.toYear());
    }

    @GET
    @Path("/indicators/share")
    public List<TradeAnalysis.Share> share(@Valid @BeanParam ObservationFilterParams filter) {
        if (filter.commodity == null || "TOTAL".equals(filter.commodity)) {
            throw InvalidInput.of("commodity", "is required: the HS code whose share of the flow you want");
        }
        ObservationQuery q = pair(filter);
        return analysis.share(q, filter.commodity);
    }

    /** Commodity structure: the top N commodities and the Herfindahl-Hirschman index (0-10000) per year and statement. */
    @GET
    @Path("/indicators/structure")
    public List<TradeAnalysis.Structure> structure(@Valid @BeanParam ObservationFilterParams filter,
                                                   @QueryParam("top") @DefaultValue("10") @Pattern(regexp = "[1-9]\\d?|100", message = "must be a whole number from 1 to 100") String top) {
        if (filter.flow == null) {
            throw InvalidInput.of("flow", "is required: a commodity structure is of one flow (exports and imports ranked together mean nothing)");
        }
        int level = filter.level == null ? 2 : Integer.parseInt(filter.level);
        if (level == 0) {
            throw InvalidInput.of("level", "must be 2, 4 or 6 for a commodity structure");
        }
        return analysis.structure(pair(filter), level, Integer.parseInt(top));
    }

    @GET
    @Path("/mirror")
    public List<TradeAnalysis.MirrorRow> mirror(@Valid @BeanParam ObservationFilterParams filter) {
        return analysis.mirror(pair(filter));
    }

    @GET
    @Path("/checks")
    public List<Finding> checks(@Valid @BeanParam ObservationFilterParams filter, @QueryParam("kind") String kind) {
        if (kind != null && !Finding.KINDS.contains(kind)) {
            throw InvalidInput.of("kind", "must be one of " + String.join(", ", new java.util.TreeSet<>(Finding.KINDS)));
        }
        return analysis.checks(filter.toQuery(), kind);
    }

    @GET
    @Path("/printed-indicators")
    public List<Printed> printed(@Valid @BeanParam ObservationFilterParams filter) {
        return analysis.printed(filter.toQuery());
    }

    @GET
    @Path("/availability")
    public TradeAnalysis.Availability availability(@Valid @BeanParam ObservationFilterParams filter) {
        return analysis.availability(filter.toQuery());
    }

    private static ObservationQuery pair(ObservationFilterParams filter) {
        if (filter.reporter == null || filter.partner == null) {
            throw InvalidInput.of(filter.reporter == null ? "reporter" : "partner", "is required: indicators are about one reporter and partner");
        }
        return filter.toQuery();
    }
}
