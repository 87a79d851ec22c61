package org.silkroad.trade.release.format;

import org.silkroad.trade.observation.domain.Commodity;
import org.silkroad.trade.observation.domain.MoneyUnit;
import org.silkroad.trade.observation.domain.ObservationRow;
import org.silkroad.trade.observation.domain.PrintedIndicator;
import org.silkroad.trade.observation.domain.PrintedIndicator.Kind;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.reference.domain.ReferenceCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three files of the source studies. Every row keeps its source (document, statement, statistics body)
 * and note; values are normalised to USD with the printed value and unit kept; growth rates, shares, ranks, balances
 * and targets become printed indicators of the series they speak about.
 */
public final class DatasetReader {

    /** What an indicator of kz_cn_annual.csv is: a value of a flow, or a printed figure about one. */
    private record Meaning(TradeFlow flow, Kind printed) {
    }

    private static final Map<String, Meaning> ANNUAL = Map.ofEntries(
            Map.entry("total_trade", new Meaning(TradeFlow.TOTAL, null)),
            Map.entry("kz_exports_to_cn", new Meaning(TradeFlow.EXPORT, null)),
            Map.entry("kz_imports_from_cn", new Meaning(TradeFlow.IMPORT, null)),
            Map.entry("export_share_pct", new Meaning(TradeFlow.EXPORT, Kind.PARTNER_SHARE_PCT)),
            Map.entry("import_share_pct", new Meaning(TradeFlow.IMPORT, Kind.PARTNER_SHARE_PCT)),
            Map.entry("total_share_pct", new Meaning(TradeFlow.TOTAL, Kind.PARTNER_SHARE_PCT)),
            Map.entry("export_growth_pct", new Meaning(TradeFlow.EXPORT, Kind.GROWTH_PCT)),
            Map.entry("import_growth_pct", new Meaning(TradeFlow.IMPORT, Kind.GROWTH_PCT)),
            Map.entry("total_growth_pct", new Meaning(TradeFlow.TOTAL, Kind.GROWTH_PCT)),
            Map.entry("trade_balance", new Meaning(null, Kind.BALANCE)),
            Map.entry("total_trade_target", new Meaning(TradeFlow.TOTAL, Kind.TARGET)),
            Map.entry("cn_rank_kz_trade_partner", new Meaning(null, Kind.RANK)));

    /** Table 1.2 names no HS codes; its notes suggest chapters, which we use and say so. */
    private static final Pattern SUGGESTED_CHAPTER = Pattern.compile("HS chapter (\\d{2})");
    /** Table 1.2 credits China's National Bureau of Statistics (see the dataset README). */
    static final String TABLE_1_2_AGENCY = "China National Bureau of Statistics";

    private final ReferenceCodes codes;

    public DatasetReader(ReferenceCodes codes) {
        this.codes = codes;
    }

    public void read(Path file, ImportFormat format, RowSink sink) {
        try (CsvRows rows = CsvRows.open(file)) {
            rows.requireColumns(format);
            while (rows.next()) {
                sink.rowRead(rows.line());
                if (!rows.complete()) {
                    sink.problem(rows.line(), "*", "has " + rows.width() + " fields, the header has " + rows.header().size());
                    continue;
                }
                switch (format) {
                    case DATASET_ANNUAL -> annual(rows, sink);
                    case DATASET_COMMODITY -> byCommodity(rows, sink);
                    case DATASET_CENTRAL_ASIA -> centralAsia(rows, sink);
                    default -> throw new IllegalArgumentException(format + " is not a dataset format");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void annual(CsvRows rows, RowSink sink) {
        FieldReader f = new FieldReader(sink, rows.line());
        Integer year = f.year("year", rows.get("year"));
        String indicator = f.required("indicator", rows.get("indicator"));
        BigDecimal value = f.decimal("value", rows.get("value"), true);
        String unit = f.required("unit", rows.get("unit"));
        Source source = source(f, rows.get("source"), rows.get("reporter"));
        Meaning meaning = indicator == null ? null : ANNUAL.get(indicator);
        if (indicator != null && meaning == null) {
            f.problem("indicator", "unknown indicator '" + indicator + "'; expected one of " + ANNUAL.keySet());
        }
        if (f.failed()) {
            return;
        }
        if (meaning.printed() == null) {
            observation(f, sink, rows.line(), "KAZ", "CHN", meaning.flow(), year, Commodity.TOTAL, null, value, unit, source, rows.get("note"));
        } else {
            indicator(f, sink, rows.line(), "KAZ", "CHN", meaning.flow(), Commodity.TOTAL, year, meaning.printed(), value, unit, source, rows.get("note"));
        }
    }

    private void byCommodity(CsvRows rows, RowSink sink) {
        FieldReader f = new FieldReader(sink, rows.line());
        String printedName = f.required("commodity", rows.get("commodity"));
        Integer year = f.year("year", rows.get("year"));
        BigDecimal value = f.decimal("value", rows.get("value"), true);
        String unit = f.required("unit", rows.get("unit"));
        BigDecimal share = f.decimal("share_pct", rows.get("share_pct"), false);
        BigDecimal change = f.decimal("change_pct_vs_prev_col", rows.get("change_pct_vs_prev_col"), false);
        String note = rows.get("note");
        Source printed = source(f, rows.get("source"), null);
        Source source = printed == null ? null : new Source(printed.document(), printed.statement(), TABLE_1_2_AGENCY);
        String commodity = null;
        if (printedName != null) {
            if ("total".equalsIgnoreCase(printedName)) {
                commodity = Commodity.TOTAL;
            } else {
                Matcher m = SUGGESTED_CHAPTER.matcher(note == null ? "" : note);
                if (m.find()) {
                    commodity = m.group(1);
                } else {
                    f.problem("commodity", "'" + printedName + "' has no HS code and its note suggests none");
                }
            }
        }
        if (f.failed()) {
            return;
        }
        observation(f, sink, rows.line(), "KAZ", "CHN", TradeFlow.IMPORT, year, commodity, printedName, value, unit, source, note);
        if (share != null) {
            indicator(f, sink, rows.line(), "KAZ", "CHN", TradeFlow.IMPORT, commodity, year, Kind.SHARE_PCT, share, "pct", source, note);
        }
        if (change != null) {
            indicator(f, sink, rows.line(), "KAZ", "CHN", TradeFlow.IMPORT, commodity, year, Kind.GROWTH_PCT, change, "pct", source, note);
        }
    }

    private void centralAsia(CsvRows rows, RowSink sink) {
        FieldReader f = new FieldReader(sink, rows.line());
        Integer year = f.year("year", rows.get("year"));
        String partner = f.required("country", rows.get("country"));
        BigDecimal value = f.decimal("value", rows.get("value"), true);
        String unit = f.required("unit", rows.get("unit"));
        Source source = source(f, rows.get("source"), null);
        if (partner != null && !codes.knownArea(partner)) {
            f.problem("country", "unknown country or group code '" + partner + "'");
        }
        if (f.failed()) {
            return;
        }
        observation(f, sink, rows.line(), "CHN", partner, TradeFlow.TOTAL, year, Commodity.TOTAL, null, value, unit, source, rows.get("note"));
    }

    private record Source(String document, String statement, String agency) {
    }

    /** "004_…txt, Table 1.1" → document and statement; the statistics body, unless the source names none. */
    private static Source source(FieldReader f, String printed, String agency) {
        if (f.required("source", printed) == null) {
            return null;
        }
        int comma = printed.indexOf(", ");
        String a = agency == null || agency.equals("not_stated") ? null : agency;
        return comma < 0 ? new Source(printed, null, a) : new Source(printed.substring(0, comma), printed.substring(comma + 2), a);
    }

    private static void observation(FieldReader f, RowSink sink, long line, String reporter, String partner, TradeFlow flow,
                                    int year, String commodity, String label, BigDecimal value, String unitCode,
                                    Source source, String note) {
        MoneyUnit unit = MoneyUnit.find(unitCode).orElse(null);
        if (unit == null) {
            f.problem("unit", "'" + unitCode + "' is not a money unit (usd, thousand_usd, million_usd, hundred_million_usd, billion_usd)");
            return;
        }
        String key = String.join("|", "dataset", reporter, partner, flow.code(), Integer.toString(year), commodity,
                source.document(), String.valueOf(source.statement()), String.valueOf(source.agency()));
        sink.observation(line, new ObservationRow(key, reporter, null, partner, null, null, flow, Integer.toString(year), year,
                null, commodity, null, label, null, null, true, unit.toUsd(value), null, null, null, null, null, null, null,
                value, unit.code, source.document(), source.statement(), source.agency(), note));
    }

    private static void indicator(FieldReader f, RowSink sink, long line, String reporter, String partner, TradeFlow flow,
                                  String commodity, int year, Kind kind, BigDecimal value, String unit, Source source, String note) {
        BigDecimal valueUsd = null;
        switch (kind) {
            case GROWTH_PCT, SHARE_PCT, PARTNER_SHARE_PCT -> {
                if (!"pct".equals(unit)) {
                    f.problem("unit", "a " + kind.code + " is in pct, not '" + unit + "'");
                    return;
                }
            }
            case RANK -> {
                if (!"rank".equals(unit)) {
                    f.problem("unit", "a rank has the unit 'rank', not '" + unit + "'");
                    return;
                }
            }
            case BALANCE, TARGET -> {
                MoneyUnit money = MoneyUnit.find(unit).orElse(null);
                if (money == null) {
                    f.problem("unit", "'" + unit + "' is not a money unit");
                    return;
                }
                valueUsd = money.toUsd(value);
            }
        }
        String key = String.join("|", "dataset-indicator", reporter, partner, String.valueOf(flow), commodity, Integer.toString(year),
                kind.code, source.document(), String.valueOf(source.statement()), String.valueOf(source.agency()));
        sink.indicator(line, new PrintedIndicator(key, reporter, partner, flow, commodity, year, kind, value, unit, valueUsd,
                source.document(), source.statement(), source.agency(), note));
    }
}
