package org.silkroad.trade.observation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.domain.TradeFlow;

import java.time.LocalDate;
import java.util.UUID;

/** The filters every read of observations takes, as query parameters. */
public class ObservationFilterParams {

    @QueryParam("reporter")
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO alpha-3 code")
    public String reporter;

    @QueryParam("partner")
    @Pattern(regexp = "[A-Z0-9_]{3,20}", message = "must be an ISO alpha-3 or group code")
    public String partner;

    @QueryParam("flow")
    @Pattern(regexp = "export|import|re-export|re-import|total", message = "must be one of export, import, re-export, re-import, total")
    public String flow;

    @QueryParam("commodity")
    @Pattern(regexp = "TOTAL|\\d{2}(\\d{2}(\\d{2})?)?", message = "must be TOTAL or an HS code of 2, 4 or 6 digits")
    public String commodity;

    @QueryParam("level")
    @Pattern(regexp = "0|2|4|6", message = "must be 0 (TOTAL), 2 (chapter), 4 (heading) or 6 (subheading)")
    public String level;

    @QueryParam("period")
    @Pattern(regexp = "\\d{4}(-\\d{2})?", message = "must be a year or a month")
    public String period;

    @QueryParam("from")
    @Min(value = 1900, message = "must be a year") @Max(value = 2100, message = "must be a year")
    public Integer from;

    @QueryParam("to")
    @Min(value = 1900, message = "must be a year") @Max(value = 2100, message = "must be a year")
    public Integer to;

    /** Part of the source document, statement or agency, e.g. {@code Table 1.1}, or of both as results name them ({@code 004_….txt, Table 1.1}). */
    @QueryParam("source")
    public String source;

    @QueryParam("release")
    public UUID release;

    @QueryParam("asOf")
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 2021-06-30")
    public String asOf;

    @QueryParam("breakdowns")
    @DefaultValue("false")
    public boolean breakdowns;

    public LocalDate asOfDate() {
        return asOf == null ? null : LocalDate.parse(asOf);
    }

    public ObservationQuery toQuery() {
        return new ObservationQuery(reporter, partner, flow == null ? null : TradeFlow.fromCode(flow), commodity,
                level == null ? null : Integer.valueOf(level), period, from, to, source, release, asOfDate(), breakdowns);
    }
}
