package org.silkroad.trade.release.domain;

import org.silkroad.trade.release.format.ImportFormat;

import java.nio.file.Path;
import java.time.LocalDate;

/** A file to import, already on disk with its hash, and what the uploader said about it. */
public record ImportRequest(Path file, String sha256, long bytes, ImportFormat format, String source, String fileName,
                            LocalDate publishedOn) {
}
