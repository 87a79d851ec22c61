package org.silkroad.corridor.measurement;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.corridor.measurement.api.NewMeasurement;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of measurements from CSV, read as a stream so a file of millions of rows never sits in memory.
 * <p>
 * Rule: <b>row-level report</b>. Each row is checked on its own; valid rows are committed in chunks of
 * {@value #CHUNK} (each chunk with its events, in one transaction), refused rows are listed in the report with their
 * line, field and reason and nothing of them is stored. An all-or-nothing rule would have to hold a million rows
 * (and their events) in one transaction or validate the file twice; measurements are independent statements, so a
 * bad row need not stop the good ones. Re-sending the file (or only the corrected rows) is safe: unchanged rows change
 * nothing and publish nothing. A file whose header lacks a required column is refused as a whole (400).
 * <p>
 * Columns: {@code asset,metric,period,value,unit} (required) and {@code label,direction,mode,qualifier,source,note}.
 */
@ApplicationScoped
public class MeasurementCsvImport {

    static final int CHUNK = 1000;
    static final int LISTED_ERRORS = 100;
    static final List<String> REQUIRED = List.of("asset", "metric", "period", "value", "unit");

    /** What a CSV import did; {@code errors} lists the first refused rows. */
    public record Report(long rows, long written, long unchanged, long rejected, List<RowError> errors) {
    }

    public record RowError(long line, String field, String message) {
    }

    private static final CsvMapper CSV = new CsvMapper();

    private final Measurements measurements;

    MeasurementCsvImport(Measurements measurements) {
        this.measurements = measurements;
    }

    public Report importCsv(InputStream body) {
        Set<String> assets = new HashSet<>(measurements.assetIds());
        long rows = 0, written = 0, rejected = 0;
        List<RowError> errors = new ArrayList<>();
        List<ValidMeasurement> chunk = new ArrayList<>(CHUNK);
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                Map<String, String> row;
                long line = it.getCurrentLocation().getLineNr();
                try {
                    row = it.nextValue();
                } catch (RuntimeJsonMappingException | IOException unreadable) {
                    rows++;
                    rejected++;
                    addError(errors, new RowError(line, "row", "unreadable CSV row: " + unreadable.getMessage()));
                    continue;
                }
                if (!headerChecked) {
                    List<String> missing = REQUIRED.stream().filter(c -> !row.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw InvalidInput.of(missing.stream().map(c -> new FieldProblem("header." + c,
                                "the CSV header lacks the column '" + c + "'; required: " + String.join(",", REQUIRED))).toList());
                    }
                    headerChecked = true;
                }
                rows++;
                line = rows + 1;
                List<FieldProblem> rowErrors = new ArrayList<>();
                BigDecimal value = null;
                try {
                    value = new BigDecimal(row.get("value").trim());
                } catch (NumberFormatException | NullPointerException notANumber) {
                    rowErrors.add(new FieldProblem("value", "'" + row.get("value") + "' is not a number"));
                }
                NewMeasurement input = new NewMeasurement(row.get("asset"), row.get("metric"), row.get("label"),
                        row.get("period"), row.get("direction"), row.get("mode"), value, row.get("unit"),
                        row.get("qualifier"), row.get("source"), row.get("note"));
                MeasurementRules.Checked checked = MeasurementRules.check(input, "");
                if (rowErrors.isEmpty() && checked.ok() && !assets.contains(input.assetId())) {
                    rowErrors.add(new FieldProblem("asset", "no corridor asset '" + input.assetId() + "'"));
                }
                if (value != null) {
                    rowErrors.addAll(checked.errors());
                }
                if (!rowErrors.isEmpty()) {
                    rejected++;
                    for (FieldProblem e : rowErrors) {
                        addError(errors, new RowError(line, "assetId".equals(e.field()) ? "asset" : e.field(), e.message()));
                    }
                    continue;
                }
                chunk.add(checked.measurement());
                if (chunk.size() == CHUNK) {
                    written += measurements.recordChunk(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!chunk.isEmpty()) {
            written += measurements.recordChunk(chunk);
        }
        long accepted = rows - rejected;
        return new Report(rows, written, accepted - written, rejected, errors);
    }

    private static void addError(List<RowError> errors, RowError error) {
        if (errors.size() < LISTED_ERRORS) {
            errors.add(error);
        }
    }
}
