package org.silkroad.trade.release.format;

import org.silkroad.trade.reference.domain.ReferenceCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads the Comtrade+ CSV export and the two legacy Comtrade CSV layouts (35 and 22 columns). */
public final class ComtradeCsvReader {

    private final ReferenceCodes codes;

    public ComtradeCsvReader(ReferenceCodes codes) {
        this.codes = codes;
    }

    public void read(Path file, ImportFormat format, String sourceDocument, RowSink sink) {
        boolean plus = format == ImportFormat.COMTRADE_PLUS_CSV;
        ComtradeRowMapper mapper = new ComtradeRowMapper(codes,
                plus ? ComtradeRowMapper.Dialect.PLUS : ComtradeRowMapper.Dialect.LEGACY, sourceDocument);
        try (CsvRows rows = CsvRows.open(file)) {
            rows.requireColumns(format);
            java.util.Map<String, String> legacyName = new java.util.HashMap<>();
            ComtradeColumns.LEGACY_TO_PLUS.forEach((legacy, canonical) -> legacyName.put(canonical, legacy));
            while (rows.next()) {
                sink.rowRead(rows.line());
                if (!rows.complete()) {
                    sink.problem(rows.line(), "*", "has " + rows.width() + " fields, the header has " + rows.header().size());
                    continue;
                }
                mapper.map(rows.line(), plus ? rows::get : name -> rows.get(legacyName.getOrDefault(name, name)), sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
