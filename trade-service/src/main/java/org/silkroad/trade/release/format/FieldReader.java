package org.silkroad.trade.release.format;

import java.math.BigDecimal;

/**
 * Parses one row's fields, reporting each bad one to the sink with its row and field and answering null, so that a
 * row reports all its problems at once instead of the first only.
 */
final class FieldReader {

    private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(20);

    private final RowSink sink;
    private final long row;
    private boolean failed;

    FieldReader(RowSink sink, long row) {
        this.sink = sink;
        this.row = row;
    }

    boolean failed() {
        return failed;
    }

    void problem(String field, String reason) {
        failed = true;
        sink.problem(row, field, reason);
    }

    void warning(String field, String reason) {
        sink.warning(row, field, reason);
    }

    String required(String field, String value) {
        if (value == null) {
            problem(field, "is required");
        }
        return value;
    }

    BigDecimal decimal(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value);
            if (parsed.abs().compareTo(TOO_LARGE) >= 0) {
                problem(field, "'" + value + "' is too large");
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(field, "malformed number '" + value + "'");
            return null;
        }
    }

    Integer integer(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        try {
            if (value.length() <= 9 && digits(value)) {
                return Integer.parseInt(value); // the usual case, without a BigDecimal per field
            }
            // Comtrade's CSV exports sometimes write integer codes as 398.0.
            return new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(field, "malformed integer '" + value + "'");
            return null;
        }
    }

    /** Whether the text is one or more ASCII digits (no sign, no point). */
    static boolean digits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    Integer year(String field, String value) {
        Integer year = integer(field, value, true);
        if (year != null && (year < 1900 || year > 2100)) {
            problem(field, "bad period: year " + year + " is outside 1900-2100");
            return null;
        }
        return year;
    }

    Boolean flag(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                problem(field, "'" + value + "' is not true or false");
                yield null;
            }
        };
    }
}
