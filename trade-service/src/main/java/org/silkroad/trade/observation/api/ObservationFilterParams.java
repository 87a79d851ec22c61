package org.silkroad.trade.observation.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.silkroad.platform.validation.CalendarDate;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.domain.TradeFlow;

import java.time.LocalDate;
import java.util.UUID;

/** The filters every read of observations takes, as query parameters. */
public class ObservationFilterParams {

    private static final String YEAR = "19\\d{2}|20\\d{2}|2100";

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
    @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2]))?", message = "must be a year (2015) or a month (2015-03)")
    public String period;

    // Years, UUIDs and booleans are taken as text and checked here: a parameter JAX-RS fails to convert is a bare 404
    // naming nothing.
    @QueryParam("from")
    @Pattern(regexp = YEAR, message = "must be a year from 1900 to 2100")
    public String from;

    @QueryParam("to")
    @Pattern(regexp = YEAR, message = "must be a year from 1900 to 2100")
    public String to;

    /** Part of the source document, statement or agency, e.g. {@code Table 1.1}, or of both as results name them ({@code 004_….txt, Table 1.1}). */
    @QueryParam("source")
    public String source;

    @QueryParam("release")
    @Pattern(regexp = "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}", message = "must be a release id (a UUID)")
    public String release;

    @QueryParam("asOf")
    @CalendarDate
    public String asOf;

    @QueryParam("breakdowns")
    @DefaultValue("false")
    @Pattern(regexp = "true|false", message = "must be true or false")
    public String breakdowns;

    public LocalDate asOfDate() {
        return asOf == null ? null : LocalDate.parse(asOf);
    }

    public Integer fromYear() {
        return from == null ? null : Integer.valueOf(from);
    }

    public Integer toYear() {
        return to == null ? null : Integer.valueOf(to);
    }

    /** The query these parameters ask for; 400 naming {@code to} when the range ends before it starts. */
    public ObservationQuery toQuery() {
        if (fromYear() != null && toYear() != null && toYear() < fromYear()) {
            throw InvalidInput.of("to", "must not be before from (" + from + ")");
        }
        return new ObservationQuery(reporter, partner, flow == null ? null : TradeFlow.fromCode(flow), commodity,
                level == null ? null : Integer.valueOf(level), period, fromYear(), toYear(), source,
                release == null ? null : UUID.fromString(release), asOfDate(), Boolean.parseBoolean(breakdowns));
    }
}
