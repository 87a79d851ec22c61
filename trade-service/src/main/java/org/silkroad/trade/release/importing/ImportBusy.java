package org.silkroad.trade.release.importing;

/**
 * Another import held the import lock longer than the caller wanted to wait; nothing of this release was written,
 * so it can be handed to the worker as it is.
 */
public final class ImportBusy extends RuntimeException {

    ImportBusy() {
        super("another import is running", null, false, false);
    }
}
