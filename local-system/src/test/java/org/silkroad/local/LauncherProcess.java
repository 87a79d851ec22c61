package org.silkroad.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./observatory run} as the README starts it, driven from a test: same jar, same arguments, own process. */
final class LauncherProcess {

    static final Path HOME = Path.of(System.getProperty("observatory.home"));
    static final Path LAUNCHER = Path.of(System.getProperty("observatory.launcher"));

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    System.out.println("[observatory] " + line);
                }
            } catch (IOException ignored) {
                // the launcher ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher and waits until it prints that everything is ready. */
    static LauncherProcess run(Path tmpDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + tmpDir, "-jar", LAUNCHER.toString(), "run"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OBSERVATORY_HOME", HOME.toString());
        LauncherProcess launcher = new LauncherProcess(builder.start());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (launcher.output.stream().noneMatch(l -> l.startsWith("All ready"))) {
            if (!launcher.process.isAlive() || System.nanoTime() > deadline) {
                launcher.stop();
                throw new AssertionError("the local system did not come up:\n" + String.join("\n", launcher.output));
            }
            Thread.sleep(200);
        }
        return launcher;
    }

    /** What the launcher wrote about the running system (ports, pids, data directory). */
    RunState state() {
        Path dataDir = Path.of(find("^Data\\s+(\\S+)"));
        return RunState.readLive(dataDir.resolve(RunState.FILE)).orElseThrow(() -> new AssertionError("no live system.json"));
    }

    /** SIGTERM, as Ctrl-C's SIGINT would; true when the launcher ended in time. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(90, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> output() {
        return output;
    }

    String find(String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : output) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matching " + regex + " in\n" + String.join("\n", output));
    }

    /** A fresh editor token from the documented token command. */
    static String token(Path dataDir) throws Exception {
        Process token = new ProcessBuilder(java(), "-jar", LAUNCHER.toString(), "token", "--data-dir", dataDir.toString()).start();
        String printed = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String errors = new String(token.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!token.waitFor(60, TimeUnit.SECONDS) || token.exitValue() != 0) {
            throw new AssertionError("token command failed: " + errors);
        }
        return printed;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
