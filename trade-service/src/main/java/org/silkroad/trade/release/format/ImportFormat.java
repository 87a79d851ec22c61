package org.silkroad.trade.release.format;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The file formats an import reads; a CSV file is recognised by its header, JSON is the Comtrade+ API answer. */
public enum ImportFormat {

    DATASET_ANNUAL("dataset-annual", "Source studies: yearly KZ-CN figures (kz_cn_annual.csv)",
            List.of("year", "indicator", "value", "unit", "reporter", "source", "note")),
    DATASET_COMMODITY("dataset-commodity", "Source studies: KZ imports from CN by commodity (kz_imports_from_cn_by_commodity.csv)",
            List.of("commodity", "year", "value", "unit", "share_pct", "change_pct_vs_prev_col", "source", "note")),
    DATASET_CENTRAL_ASIA("dataset-central-asia", "Source studies: CN trade with Central Asia (cn_central_asia.csv)",
            List.of("year", "country", "value", "unit", "source", "note")),
    COMTRADE_PLUS_JSON("comtrade-plus-json", "UN Comtrade+ API response", ComtradeColumns.PLUS),
    COMTRADE_PLUS_CSV("comtrade-plus-csv", "UN Comtrade+ CSV export", ComtradeColumns.PLUS),
    COMTRADE_LEGACY_CSV("comtrade-legacy-csv", "Legacy UN Comtrade CSV (35 columns)", ComtradeColumns.LEGACY),
    COMTRADE_BULK_CSV("comtrade-bulk-csv", "Legacy UN Comtrade bulk CSV (22 columns)", ComtradeColumns.BULK);

    public final String code;
    public final String description;
    public final List<String> columns;

    ImportFormat(String code, String description, List<String> columns) {
        this.code = code;
        this.description = description;
        this.columns = columns;
    }

    public boolean isDataset() {
        return name().startsWith("DATASET");
    }

    public boolean isCsv() {
        return this != COMTRADE_PLUS_JSON;
    }

    public static Optional<ImportFormat> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The CSV format whose columns are exactly these (in any order). */
    public static Optional<ImportFormat> byHeader(List<String> header) {
        return Arrays.stream(values()).filter(ImportFormat::isCsv)
                .filter(f -> f.columns.size() == header.size() && f.columns.containsAll(header))
                .findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.code).toList());
    }
}
