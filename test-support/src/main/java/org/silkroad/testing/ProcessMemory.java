package org.silkroad.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process while a benchmark runs, from {@code /proc/<pid>/status} (Linux; elsewhere every
 * figure is 0): sampled every 200 ms for the peak the benchmark saw, and the kernel's own high-water mark
 * ({@code VmHWM}), which also catches a peak between two samples.
 */
public final class ProcessMemory implements AutoCloseable {

    private final Path status;
    private final Thread sampler;
    private volatile long peakKb;

    private ProcessMemory(Path status) {
        this.status = status;
        this.sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakKb = Math.max(peakKb, field("VmRSS:"));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the process with this pid. */
    public static ProcessMemory sample(long pid) {
        return new ProcessMemory(Path.of("/proc", Long.toString(pid), "status"));
    }

    /** Starts sampling this JVM. */
    public static ProcessMemory sampleSelf() {
        return new ProcessMemory(Path.of("/proc/self/status"));
    }

    public long peakSampledMb() {
        return peakKb >> 10;
    }

    public long highWaterMarkMb() {
        return field("VmHWM:") >> 10;
    }

    public long residentMb() {
        return field("VmRSS:") >> 10;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    private long field(String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has ended: no figure
        }
        return 0;
    }
}
