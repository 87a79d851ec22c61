package org.silkroad.trade.release.importing;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams rows into PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)}: the fastest way in, and constant memory
 * (a small buffer is flushed as it fills).
 */
final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstField = true;
    private long rows;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    CopyWriter field(Object value) {
        if (!firstField) {
            buffer.append(',');
        }
        firstField = false;
        if (value == null) {
            return this; // an unquoted empty field is NULL in COPY's CSV format
        }
        if (!(value instanceof String text)) {
            // Numbers, UUIDs and booleans never hold a comma, quote or line break: no quoting needed.
            buffer.append(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            return this;
        }
        if (!text.isEmpty() && plain(text)) {
            buffer.append(text);
            return this;
        }
        // Quoted: an empty quoted field is an empty string (not NULL); quotes inside are doubled.
        buffer.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                buffer.append('"');
            }
            buffer.append(c);
        }
        buffer.append('"');
        return this;
    }

    /** Whether COPY's CSV format reads the text back unchanged without quotes. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return false;
            }
        }
        // (A backslash is quoted too, so an end-of-data marker "\." can never appear unquoted.)
        return true;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
