package org.silkroad.trade.release.importing;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.silkroad.trade.release.domain.ImportRequest;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.format.CsvRows;
import org.silkroad.trade.release.format.FileRejected;
import org.silkroad.trade.release.format.ImportFormat;
import org.silkroad.platform.problem.InvalidInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes an uploaded (or shipped) file to the importer: spools it to disk while hashing it and enforcing the size
 * limit, and works out its format from the content type and the CSV header.
 */
@ApplicationScoped
public class ReleaseUploads {

    private final ReleaseImporter importer;
    private final ImportWorker worker;
    private final long maxBytes;
    private final long asyncAboveBytes;
    private final Duration syncLockWait;

    ReleaseUploads(ReleaseImporter importer, ImportWorker worker,
                   @ConfigProperty(name = "silkroad.trade.import.max-bytes", defaultValue = "1073741824") long maxBytes,
                   @ConfigProperty(name = "silkroad.trade.import.async-above-bytes", defaultValue = "8388608") long asyncAboveBytes,
                   @ConfigProperty(name = "silkroad.trade.import.sync-lock-wait", defaultValue = "5s") Duration syncLockWait) {
        this.syncLockWait = syncLockWait;
        this.importer = importer;
        this.worker = worker;
        this.maxBytes = maxBytes;
        this.asyncAboveBytes = asyncAboveBytes;
    }

    /** Imports in the caller's thread (the shipped dataset at start), waiting for any import before it. */
    public ReleaseImporter.Outcome upload(InputStream body, String contentType, String formatCode, String source,
                                          String fileName, LocalDate publishedOn) {
        return upload(body, contentType, formatCode, source, fileName, publishedOn, false, null);
    }

    /**
     * Spools, checks and hashes the file in the caller's thread (413, unknown format and known content answer at
     * once). A file above {@code silkroad.trade.import.async-above-bytes}, or any file when the caller prefers
     * ({@code Prefer: respond-async}), is then imported by the worker: the answer is the running release
     * ({@link ReleaseImporter.Result#ACCEPTED}). Smaller files are imported before the answer, unless another import
     * holds the lock longer than {@code silkroad.trade.import.sync-lock-wait}: a request thread (and its database
     * connection) must not wait out a million-row import, so such a file goes to the worker too.
     */
    public ReleaseImporter.Outcome upload(InputStream body, String contentType, String formatCode, String source,
                                          String fileName, LocalDate publishedOn, boolean preferAsync) {
        return upload(body, contentType, formatCode, source, fileName, publishedOn, preferAsync, syncLockWait);
    }

    private ReleaseImporter.Outcome upload(InputStream body, String contentType, String formatCode, String source,
                                           String fileName, LocalDate publishedOn, boolean preferAsync, Duration lockWait) {
        Path file = spool(body);
        boolean handedOver = false;
        try {
            ImportFormat format = format(file, contentType, formatCode);
            String sha256 = sha256Of(file);
            long bytes = Files.size(file);
            ImportRequest request = new ImportRequest(file, sha256, bytes, format,
                    source != null ? source : defaultSource(format), fileName, publishedOn != null ? publishedOn : LocalDate.now());
            Optional<ReleaseView> same = importer.sameContent(request);
            if (same.isPresent()) {
                return new ReleaseImporter.Outcome(same.get(), ReleaseImporter.Result.SAME_CONTENT);
            }
            ReleaseView started = importer.begin(request);
            if (preferAsync || bytes > asyncAboveBytes) {
                worker.submit(started.id(), request);
                handedOver = true;
                return new ReleaseImporter.Outcome(started, ReleaseImporter.Result.ACCEPTED);
            }
            try {
                return importer.run(started.id(), request, lockWait);
            } catch (ImportBusy busy) {
                worker.submit(started.id(), request);
                handedOver = true;
                return new ReleaseImporter.Outcome(started, ReleaseImporter.Result.ACCEPTED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!handedOver) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file is not worth failing the import for
                }
            }
        }
    }

    static String defaultSource(ImportFormat format) {
        return switch (format) {
            case COMTRADE_PLUS_JSON, COMTRADE_PLUS_CSV -> "UN Comtrade+";
            case COMTRADE_LEGACY_CSV, COMTRADE_BULK_CSV -> "UN Comtrade (legacy)";
            default -> "Silk Road Observatory dataset";
        };
    }

    private Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("trade-upload-", ".part");
            long total = 0;
            boolean tooLarge = false;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; body != null && (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        tooLarge = true; // keep reading so the client gets the answer instead of a broken pipe
                    } else {
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (tooLarge) {
                Files.deleteIfExists(file);
                throw HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                        .withDetail("the file has " + total + " bytes; an import takes at most " + maxBytes)
                        .with("maxBytes", maxBytes).build();
            }
            if (total == 0) {
                Files.deleteIfExists(file);
                throw InvalidInput.of("body", "is empty; send the file as the request body");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportFormat format(Path file, String contentType, String code) {
        if (code != null) {
            return ImportFormat.byCode(code).orElseThrow(() -> InvalidInput.of("format", "unknown format '" + code + "'; known: " + ImportFormat.known()));
        }
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/json")) {
            return ImportFormat.COMTRADE_PLUS_JSON;
        }
        try (CsvRows rows = CsvRows.open(file)) {
            return ImportFormat.byHeader(rows.header()).orElseThrow(() -> InvalidInput.of("body",
                    "row 1: the header " + rows.header() + " matches no known format; known: " + ImportFormat.known()
                            + " (name one with the format parameter to see which columns differ)"));
        } catch (FileRejected e) {
            throw InvalidInput.of("body", "row " + e.row() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(digest);
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
