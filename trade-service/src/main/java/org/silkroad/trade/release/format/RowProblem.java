package org.silkroad.trade.release.format;

/**
 * Something wrong (or worth knowing) about one row. {@code row} is the line in a CSV file (the header is line 1) or
 * the 1-based position of the record in a JSON {@code data} array; 0 means the file as a whole.
 */
public record RowProblem(long row, String field, String reason) {
}
