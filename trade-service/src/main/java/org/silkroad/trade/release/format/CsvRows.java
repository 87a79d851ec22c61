package org.silkroad.trade.release.format;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file one record at a time (constant memory) and gives its fields by column name. Line numbers count
 * records, the header being line 1.
 */
public final class CsvRows implements Closeable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final BufferedReader reader;
    private final MappingIterator<String[]> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] current;
    private long line = 1;

    private CsvRows(Path file) throws IOException {
        reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset(); // no byte-order mark (Comtrade's exports start with one)
        }
        records = CSV.readerFor(String[].class).readValues(reader);
        if (!records.hasNext()) {
            throw new FileRejected(1, "the file is empty; a header line is expected");
        }
        header = new ArrayList<>();
        for (String name : records.next()) {
            header.add(name.trim());
        }
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    public static CsvRows open(Path file) {
        try {
            return new CsvRows(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeJsonMappingException e) {
            throw new FileRejected(1, "the header is not valid CSV: " + e.getMessage());
        }
    }

    public List<String> header() {
        return header;
    }

    /** Checks that the header holds exactly the format's columns: an unknown column is a mistake we will not guess at. */
    public void requireColumns(ImportFormat format) {
        List<String> unknown = header.stream().filter(h -> !format.columns.contains(h)).toList();
        List<String> missing = format.columns.stream().filter(c -> !header.contains(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new FileRejected(1, "the header does not match format " + format.code
                    + (unknown.isEmpty() ? "" : "; unknown columns: " + unknown)
                    + (missing.isEmpty() ? "" : "; missing columns: " + missing));
        }
    }

    /** Moves to the next record; false at the end. A record with the wrong number of fields is still returned. */
    public boolean next() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
            line++;
            return true;
        } catch (RuntimeJsonMappingException e) {
            throw new FileRejected(line + 1, "not valid CSV: " + e.getMessage());
        }
    }

    public long line() {
        return line;
    }

    public boolean complete() {
        return current.length == header.size();
    }

    public int width() {
        return current.length;
    }

    /** The trimmed field, or null when it is empty. */
    public String get(String column) {
        Integer i = index.get(column);
        if (i == null || i >= current.length) {
            return null;
        }
        String value = current[i].trim();
        return value.isEmpty() ? null : value;
    }

    @Override
    public void close() throws IOException {
        records.close();
        reader.close();
    }
}
