package org.silkroad.trade.release.importing;

import org.silkroad.trade.observation.domain.ObservationRow;
import org.silkroad.trade.observation.domain.PrintedIndicator;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.format.RowProblem;
import org.silkroad.trade.release.format.RowSink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts what a reader finds where the merge will take it: observations into the staging table (COPY), printed
 * indicators into a list (only the small dataset files have them), problems and warnings into the report.
 * Once a problem is found nothing more is staged: the file will be refused as a whole, and its report is what matters.
 */
final class StagingSink implements RowSink {

    static final String COLUMNS = "row_no, id, series_key, reporter, reporter_m49, partner, partner_m49, partner2, flow, period, year, month, "
            + "commodity, commodity_level, classification, commodity_label, customs_code, transport_mode, is_total, "
            + "source_document, source_statement, source_agency, value_usd, cif_usd, fob_usd, quantity, quantity_unit, "
            + "quantity_estimated, net_weight_kg, net_weight_estimated, original_value, original_unit, note";

    private final CopyWriter staged;
    private final ImportProgress progress;
    final List<PrintedIndicator> indicators = new ArrayList<>();
    final List<Long> indicatorRows = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowProblem> warnings = new ArrayList<>();
    long rowsRead;
    long rowsRejected;
    private long lastRejectedRow = -1;

    StagingSink(CopyWriter staged, ImportProgress progress) {
        this.staged = staged;
        this.progress = progress;
    }

    @Override
    public void rowRead(long row) {
        rowsRead++;
        progress.rows(rowsRead, rowsRejected);
    }

    @Override
    public void observation(long row, ObservationRow o) {
        if (rowsRejected > 0) {
            return;
        }
        try {
            staged.field(row).field(o.id()).field(o.seriesKey()).field(o.reporter()).field(o.reporterM49()).field(o.partner())
                    .field(o.partnerM49()).field(o.partner2()).field(o.flow().code()).field(o.period()).field(o.year())
                    .field(o.month()).field(o.commodity()).field(o.commodityLevel()).field(o.classification())
                    .field(o.commodityLabel()).field(o.customsCode()).field(o.transportMode()).field(o.total())
                    .field(o.sourceDocument()).field(o.sourceStatement()).field(o.sourceAgency()).field(o.valueUsd())
                    .field(o.cifUsd()).field(o.fobUsd()).field(o.quantity()).field(o.quantityUnit()).field(o.quantityEstimated())
                    .field(o.netWeightKg()).field(o.netWeightEstimated()).field(o.originalValue()).field(o.originalUnit())
                    .field(o.note());
            staged.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("staging row " + row + " failed", e);
        }
    }

    @Override
    public void indicator(long row, PrintedIndicator indicator) {
        indicators.add(indicator);
        indicatorRows.add(row);
    }

    @Override
    public void problem(long row, String field, String reason) {
        if (row != lastRejectedRow) {
            rowsRejected++;
            lastRejectedRow = row;
        }
        if (problems.size() < ReleaseView.LISTED) {
            problems.add(new RowProblem(row, field, reason));
        }
    }

    @Override
    public void warning(long row, String field, String reason) {
        if (warnings.size() < ReleaseView.LISTED) {
            warnings.add(new RowProblem(row, field, reason));
        }
    }

    long staged() {
        return staged.rows();
    }
}
