package org.silkroad.trade.release.format;

/** The file as a whole cannot be read: not the format it claims, unknown or missing columns, broken syntax. */
public class FileRejected extends RuntimeException {

    private final long row;

    public FileRejected(long row, String message) {
        super(message);
        this.row = row;
    }

    public long row() {
        return row;
    }
}
