package org.silkroad.trade.release.format;

import org.silkroad.trade.observation.domain.ObservationRow;
import org.silkroad.trade.observation.domain.PrintedIndicator;

/** Where a reader puts what it finds in a file, row by row: observations, printed indicators and problems. */
public interface RowSink {

    void observation(long row, ObservationRow observation);

    void indicator(long row, PrintedIndicator indicator);

    /** The row cannot be imported as it is. */
    void problem(long row, String field, String reason);

    /** The row is imported, but a reader should know something about it (an obsolete code used in its time). */
    void warning(long row, String field, String reason);

    /** Counts a row read, for progress; called once per data row whatever became of it. */
    void rowRead(long row);
}
