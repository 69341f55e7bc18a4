package city.yingzao.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real operating-system process started by the system tests: its output goes to a log file, its
 * PID to a file next to it (so a run that was killed can be cleaned up by the next one), and stopping
 * it stops its descendants too ({@code kc.sh} runs Keycloak's JVM as a child).
 */
final class ManagedProcess {

    private final String name;
    private final Path log;
    private final Path pidFile;
    private Process process;

    private ManagedProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.pidFile = log.resolveSibling(name + ".pid");
        this.process = process;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> env) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            killStale(log.resolveSibling(name + ".pid"));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Files.writeString(log, "\n===== " + java.time.Instant.now() + " start " + String.join(" ", abbreviate(command)) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = pb.start();
            ManagedProcess mp = new ManagedProcess(name, log, p);
            Files.writeString(mp.pidFile, p.pid() + " " + p.toHandle().info().startInstant().map(Object::toString).orElse("?"));
            return mp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Runs a command to its end (e.g. a format tool) and fails when it exits with an error. */
    static void run(String name, List<String> command, Path workDir, Path log, Duration timeout) {
        ManagedProcess p = start(name, command, workDir, log, Map.of());
        try {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + p.logTail(40));
            }
            if (p.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + p.process.exitValue() + "\n" + p.logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            p.deletePidFile();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * Writes a PID file for each descendant too (kc.sh's JVM): should kc.sh die first, its orphaned
     * child can still be found by {@link #stopLeftovers}.
     */
    void recordDescendants() {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(h -> {
            try {
                Files.writeString(log.resolveSibling(name + "-child-" + h.pid() + ".pid"),
                        h.pid() + " " + h.info().startInstant().map(Object::toString).orElse("?"));
            } catch (IOException ignored) {
                // best effort
            }
        });
    }

    /** {@code kill -9}: SIGKILL to the process and its descendants at once, no shutdown hooks; waits until they are gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("[system-tests] process " + h.pid() + " did not exit after SIGKILL");
            }
        }
        process = null;
        deletePidFile();
    }

    /** SIGTERM to the process and its descendants, SIGKILL to whatever is still running after the grace period. */
    synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        terminate(process.toHandle(), grace);
        process = null;
        deletePidFile();
    }

    private static void terminate(ProcessHandle root, Duration grace) {
        // collect the descendants first: once the parent is gone they are re-parented and lost
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("[system-tests] process " + h.pid() + " did not exit after SIGKILL");
            }
        }
    }

    /** Stops what a run whose JVM was killed outright left running: every PID file under {@code dir}. */
    static void stopLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 3)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                killStale(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PID file left by a run whose JVM was killed: stop that process (and its descendants) if it is
     * still the same process, i.e. the PID has the start time written next to it (PIDs are reused).
     */
    private static void killStale(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String[] recorded = Files.readString(pidFile).trim().split(" ");
        try {
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(recorded[0]));
            boolean same = h.isPresent() && recorded.length == 2
                    && h.get().info().startInstant().map(Object::toString).map(recorded[1]::equals).orElse(false);
            if (same) {
                System.err.println("[system-tests] stopping process " + recorded[0] + " left by an earlier run (" + pidFile + ")");
                terminate(h.get(), Duration.ofSeconds(20));
            }
        } catch (NumberFormatException ignored) {
            // not a PID file of ours
        }
        Files.deleteIfExists(pidFile);
    }

    private void deletePidFile() {
        try (java.util.stream.Stream<Path> children = Files.list(pidFile.getParent())) {
            for (Path child : children.filter(f -> f.getFileName().toString().startsWith(name + "-child-")).toList()) {
                Files.deleteIfExists(child);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // best effort
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- last lines of " + log + " -----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + (process == null ? " (stopped)" : " (pid " + process.pid() + ")");
    }

    private static List<String> abbreviate(List<String> command) {
        return command.stream().map(s -> s.length() > 200 ? s.substring(0, 200) + "…" : s).toList();
    }
}
