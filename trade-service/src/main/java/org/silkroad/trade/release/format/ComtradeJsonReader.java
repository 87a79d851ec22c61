package org.silkroad.trade.release.format;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.silkroad.trade.reference.domain.ReferenceCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads a Comtrade+ API answer ({@code {elapsedTime, count, data, error}}) with the streaming parser: one record
 * of {@code data} in memory at a time, however long the array.
 */
public final class ComtradeJsonReader {

    private static final Set<String> TOP_LEVEL = Set.of("elapsedTime", "count", "data", "error");

    private final ReferenceCodes codes;
    private final ObjectMapper json;

    public ComtradeJsonReader(ReferenceCodes codes, ObjectMapper json) {
        this.codes = codes;
        // Floats as BigDecimal: a value of 0.1 must not arrive as 0.1000000000000000055…
        this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public void read(Path file, String sourceDocument, RowSink sink) {
        ComtradeRowMapper mapper = new ComtradeRowMapper(codes, ComtradeRowMapper.Dialect.PLUS, sourceDocument);
        Set<String> known = new HashSet<>(ComtradeColumns.PLUS);
        long row = 0;
        Long count = null;
        boolean sawData = false;
        try (JsonParser p = json.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FileRejected(0, "a Comtrade+ answer is a JSON object with elapsedTime, count, data and error");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!TOP_LEVEL.contains(name)) {
                    throw new FileRejected(0, "unknown field '" + name + "'; a Comtrade+ answer has " + TOP_LEVEL);
                }
                if (name.equals("error")) {
                    String error = error(p, value);
                    if (error != null) {
                        throw new FileRejected(0, "the Comtrade+ answer reports an error: " + error);
                    }
                } else if (name.equals("count")) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new FileRejected(0, "count must be the number of records in data, not " + p.getText());
                    }
                    count = p.getLongValue();
                } else if (name.equals("data")) {
                    sawData = true;
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw new FileRejected(0, "data must be an array of records");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long current = ++row;
                        JsonNode record = json.readTree(p);
                        sink.rowRead(current);
                        if (!record.isObject()) {
                            sink.problem(current, "*", "a record must be a JSON object");
                            continue;
                        }
                        boolean incomplete = false;
                        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
                            String field = names.next();
                            if (!known.contains(field)) {
                                sink.problem(current, field, "unknown field; a Comtrade+ record has the 47 documented fields");
                                incomplete = true;
                            }
                        }
                        // The API writes every field, null where it has no value: a missing one means the record was
                        // cut or edited, and the mapper would read it as null (for the breakdown codes: as a total).
                        for (String field : ComtradeColumns.PLUS) {
                            if (!record.has(field)) {
                                sink.problem(current, field, "missing; a Comtrade+ record has all 47 documented fields (null where there is no value)");
                                incomplete = true;
                            }
                        }
                        if (!incomplete) {
                            mapper.map(current, f -> text(record.get(f)), sink);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawData) {
                throw new FileRejected(0, "the answer has no data array");
            }
            // count is how many records the API sent: fewer in data means a truncated or edited answer, not a small one.
            if (count == null) {
                throw new FileRejected(0, "the answer has no count; a Comtrade+ answer states how many records data holds");
            }
            if (count != row) {
                throw new FileRejected(0, "count is " + count + " but " + row + " rows were read from data");
            }
        } catch (JsonParseException e) {
            throw new FileRejected(row, "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The error the answer reports, or null when there is none. The API writes a string, but a gateway or a newer
     * version may write an object or an array: its JSON text is the error, never a reason to read on.
     */
    private String error(JsonParser p, JsonToken value) throws IOException {
        String error = switch (value) {
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> {
                JsonNode node = json.readTree(p);
                yield node.isEmpty() ? null : node.toString();
            }
            default -> p.getText();
        };
        return error == null || error.isBlank() ? null : error.trim();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
