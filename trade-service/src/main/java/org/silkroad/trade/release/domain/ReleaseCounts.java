package org.silkroad.trade.release.domain;

import org.silkroad.trade.release.format.RowProblem;

import java.util.List;

/** What an import found and did, written on its release when it ends. */
public record ReleaseCounts(long rowsRead, long rowsAccepted, long rowsRejected, long inserted, long revised,
                            long unchanged, long indicators, List<RowProblem> problems, List<RowProblem> warnings) {
}
