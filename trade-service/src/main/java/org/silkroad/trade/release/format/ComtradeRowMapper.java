package org.silkroad.trade.release.format;

import org.silkroad.trade.observation.domain.Commodity;
import org.silkroad.trade.observation.domain.ObservationRow;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.reference.domain.Country;
import org.silkroad.trade.reference.domain.ReferenceCodes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one Comtrade record (Comtrade+ field names; the legacy readers rename their columns) into an observation,
 * checking every code against the reference tables. Totals rows (second partner World, customs C00, mode of
 * transport 0) are marked as totals; the others are breakdowns that queries leave out unless asked.
 */
public final class ComtradeRowMapper {

    public enum Dialect { PLUS, LEGACY }

    private static final Map<String, TradeFlow> PLUS_FLOWS = Map.of("M", TradeFlow.IMPORT, "X", TradeFlow.EXPORT,
            "RM", TradeFlow.RE_IMPORT, "RX", TradeFlow.RE_EXPORT);
    private static final Map<String, TradeFlow> LEGACY_FLOWS = Map.of("1", TradeFlow.IMPORT, "2", TradeFlow.EXPORT,
            "3", TradeFlow.RE_EXPORT, "4", TradeFlow.RE_IMPORT);
    private static final Pattern CLASSIFICATION = Pattern.compile("H[0-6]|HS");
    private static final String WORLD = "W00";
    private static final String TOTAL_CUSTOMS = "C00";
    /** Comtrade+'s refMonth on annual rows. */
    private static final int ANNUAL_REF_MONTH = 52;

    private final ReferenceCodes codes;
    private final Dialect dialect;
    private final String sourceDocument;

    public ComtradeRowMapper(ReferenceCodes codes, Dialect dialect, String sourceDocument) {
        this.codes = codes;
        this.dialect = dialect;
        this.sourceDocument = sourceDocument;
    }

    public void map(long row, Function<String, String> field, RowSink sink) {
        FieldReader f = new FieldReader(sink, row);
        if (dialect == Dialect.PLUS && field.apply("typeCode") != null && !"C".equals(field.apply("typeCode"))) {
            f.problem("typeCode", "'" + field.apply("typeCode") + "' is not C (goods); services are not trade observations here");
        }
        Integer year = f.year("refYear", field.apply("refYear"));
        Integer month = period(f, field, year);
        TradeFlow flow = flow(f, field.apply("flowCode"));

        Country reporter = country(f, "reporterCode", f.integer("reporterCode", field.apply("reporterCode"), true),
                field.apply("reporterISO"), year);
        String partner = null;
        Integer partnerM49 = f.integer("partnerCode", field.apply("partnerCode"), true);
        if (partnerM49 != null) {
            if (partnerM49 == 0) {
                partner = WORLD;
            } else {
                partner = area(partnerM49).orElseGet(() -> {
                    Country c = country(f, "partnerCode", partnerM49, field.apply("partnerISO"), year);
                    return c == null ? null : c.alpha3();
                });
            }
        }
        // Codes compare as numbers: the CSV exports write 0 as "0.0" too.
        String partner2 = WORLD;
        Integer partner2M49 = f.integer("partner2Code", breakdownCode(f, "partner2Code", field.apply("partner2Code"), "0"), false);
        if (partner2M49 != null && partner2M49 != 0) {
            partner2 = area(partner2M49).orElseGet(() -> {
                Country c = country(f, "partner2Code", partner2M49, null, year);
                return c == null ? null : c.alpha3();
            });
        }
        String classification = field.apply("classificationCode");
        if (classification == null || !CLASSIFICATION.matcher(classification).matches()) {
            f.problem("classificationCode", "'" + classification + "' is not an HS classification (H0-H6 or HS)");
        }
        String commodity = field.apply("cmdCode");
        if (commodity == null || !Commodity.isValid(commodity)) {
            f.problem("cmdCode", "'" + commodity + "' is not TOTAL or an HS code of 2, 4 or 6 digits");
        } else if (!Commodity.TOTAL.equals(commodity) && codes.chapter(Commodity.chapter(commodity)).isEmpty()) {
            f.problem("cmdCode", "HS chapter " + Commodity.chapter(commodity) + " of '" + commodity + "' does not exist");
        }
        String customs = breakdownCode(f, "customsCode", field.apply("customsCode"), TOTAL_CUSTOMS);
        Integer transport = f.integer("motCode", breakdownCode(f, "motCode", field.apply("motCode"), "0"), false);

        BigDecimal value = f.decimal("primaryValue", field.apply("primaryValue"), true);
        BigDecimal cif = f.decimal("cifvalue", field.apply("cifvalue"), false);
        BigDecimal fob = f.decimal("fobvalue", field.apply("fobvalue"), false);
        if (value != null && value.signum() < 0) {
            f.problem("primaryValue", "must not be negative");
        }
        Integer qtyUnit = f.integer("qtyUnitCode", field.apply("qtyUnitCode"), false);
        BigDecimal qty = f.decimal("qty", field.apply("qty"), false);
        BigDecimal netWeight = f.decimal("netWgt", field.apply("netWgt"), false);
        Boolean qtyEstimated;
        Boolean netWeightEstimated;
        if (dialect == Dialect.PLUS) {
            qtyEstimated = f.flag("isQtyEstimated", field.apply("isQtyEstimated"));
            netWeightEstimated = f.flag("isNetWgtEstimated", field.apply("isNetWgtEstimated"));
        } else {
            // Legacy flag: 0 nothing estimated, 2 quantity estimated, 4 net weight estimated, 6 both.
            Integer flag = f.integer("Flag", field.apply("legacyFlag"), false);
            qtyEstimated = flag == null ? null : (flag & 2) != 0;
            netWeightEstimated = flag == null ? null : (flag & 4) != 0;
        }
        if (f.failed()) {
            return;
        }
        // Comtrade+ says "no quantity" with unit -1 (N/A); legacy Comtrade with unit 1 ("No Quantity"), its qty then a
        // meaningless 0 that must not be stored as a measured quantity.
        boolean noQuantity = qtyUnit == null || qtyUnit == (dialect == Dialect.PLUS ? -1 : 1) || qty == null;
        String period = ObservationRow.period(year, month);
        String transportCode = Integer.toString(transport);
        boolean total = WORLD.equals(partner2) && TOTAL_CUSTOMS.equals(customs) && transport == 0;
        String key = String.join("|", "comtrade", sourceDocument, Integer.toString(reporter.m49()), Integer.toString(partnerM49),
                partner2, flow.code(), period, classification, commodity, customs, transportCode);
        sink.observation(row, new ObservationRow(key, reporter.alpha3(), reporter.m49(), partner, partnerM49 == 0 ? null : partnerM49,
                partner2, flow, period, year, month, commodity, classification, field.apply("cmdDesc"), customs, transportCode, total,
                value, cif, fob, noQuantity ? null : qty, noQuantity ? null : field.apply("qtyUnitAbbr"), noQuantity ? null : qtyEstimated,
                netWeight, netWeight == null ? null : netWeightEstimated, null, null, sourceDocument, null, null, null));
    }

    private Integer period(FieldReader f, Function<String, String> field, Integer year) {
        String period = field.apply("period");
        if (period == null) {
            f.problem("period", "is required");
            return null;
        }
        boolean monthly = dialect == Dialect.PLUS ? "M".equals(field.apply("freqCode")) : period.length() == 6;
        if (dialect == Dialect.PLUS && !"A".equals(field.apply("freqCode")) && !monthly) {
            f.problem("freqCode", "'" + field.apply("freqCode") + "' is not A (annual) or M (monthly)");
            return null;
        }
        if (period.length() != (monthly ? 6 : 4) || !FieldReader.digits(period)) {
            f.problem("period", "bad period '" + period + "'; expected " + (monthly ? "YYYYMM" : "YYYY"));
            return null;
        }
        int periodYear = Integer.parseInt(period.substring(0, 4));
        if (year != null && periodYear != year) {
            f.problem("period", "bad period '" + period + "': its year differs from " + year);
            return null;
        }
        Integer month = null;
        if (monthly) {
            month = Integer.parseInt(period.substring(4));
            if (month < 1 || month > 12) {
                f.problem("period", "bad period '" + period + "': month " + month + " does not exist");
                return null;
            }
        }
        if (dialect == Dialect.PLUS) {
            // Comtrade+ states the month twice: a refMonth that disagrees with period means a record assembled or edited
            // wrongly, and we cannot tell which of the two is right.
            Integer refMonth = f.integer("refMonth", field.apply("refMonth"), true);
            if (refMonth != null && !monthly && refMonth != ANNUAL_REF_MONTH) {
                f.problem("refMonth", "refMonth " + refMonth + " on an annual row (freqCode A); annual rows have refMonth "
                        + ANNUAL_REF_MONTH);
            } else if (refMonth != null && monthly && !refMonth.equals(month)) {
                f.problem("refMonth", "refMonth " + refMonth + " differs from the month of period '" + period + "' (" + month + ")");
            }
        }
        return month;
    }

    /**
     * A code that tells a breakdown from the total (second partner, customs procedure, mode of transport). Comtrade+
     * writes 0 / C00 / 0 on totals rows and never leaves these empty, so there an empty one is refused rather than
     * read as "total": guessing would make a breakdown a second totals row and count its trade twice. The legacy
     * layouts leave them empty on rows without breakdowns (the bulk layout has not even the columns): empty is the total.
     */
    private String breakdownCode(FieldReader f, String field, String value, String total) {
        if (value != null) {
            return value;
        }
        if (dialect == Dialect.PLUS) {
            f.problem(field, "is required: a Comtrade+ row states " + total + " when it is the total, and an empty code "
                    + "cannot tell a breakdown from the total");
            return null;
        }
        return total;
    }

    private TradeFlow flow(FieldReader f, String code) {
        TradeFlow flow = code == null ? null : (dialect == Dialect.PLUS ? PLUS_FLOWS : LEGACY_FLOWS).get(code);
        if (flow == null) {
            f.problem("flowCode", "unknown flow code '" + code + "'; expected "
                    + (dialect == Dialect.PLUS ? "M, X, RM or RX" : "1 (Import), 2 (Export), 3 (Re-export) or 4 (Re-import)"));
        }
        return flow;
    }

    /** A country code of the row: unknown codes, and obsolete ones after the country ceased to exist, are problems. */
    /** One of Comtrade's areas without an ISO code (490 Other Asia nes, 899 Areas nes, 837 Bunkers …): the area is the partner. */
    private java.util.Optional<String> area(int m49) {
        return codes.countryByM49(m49).isPresent() ? java.util.Optional.empty()
                : codes.groupByM49(m49).map(ReferenceCodes.PartnerGroup::code);
    }

    private Country country(FieldReader f, String field, Integer m49, String iso, Integer year) {
        if (m49 == null) {
            return null;
        }
        Country country = codes.countryByM49(m49).orElse(null);
        if (country == null) {
            f.problem(field, "unknown country code " + m49);
            return null;
        }
        if (year != null && !country.validIn(year)) {
            f.problem(field, "obsolete country code " + m49 + " (" + country.name() + ", valid until " + country.validUntil()
                    + ") used for " + year);
            return null;
        }
        if (iso != null && country.alpha3() != null && !iso.equals(country.alpha3())) {
            f.problem(field, "code " + m49 + " is " + country.alpha3() + " (" + country.name() + "), not " + iso);
            return null;
        }
        if (country.obsolete()) {
            f.warning(field, "obsolete country code " + m49 + " (" + country.name() + ", valid until " + country.validUntil() + ")");
        }
        return country;
    }

}
