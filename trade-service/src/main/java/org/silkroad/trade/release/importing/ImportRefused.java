package org.silkroad.trade.release.importing;

import org.silkroad.trade.release.domain.ReleaseView;

/** The file was refused as a whole (all or nothing); its release is recorded as failed with the rows and reasons. */
public class ImportRefused extends RuntimeException {

    private final transient ReleaseView release;

    public ImportRefused(ReleaseView release) {
        super(release.failure());
        this.release = release;
    }

    public ReleaseView release() {
        return release;
    }
}
