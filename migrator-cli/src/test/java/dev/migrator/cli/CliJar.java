package dev.migrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built, shaded jar in a JVM of its own, as a pipeline would. */
final class CliJar {
    /**
     * Flags for a short-lived JVM: a CLI run is over before the optimising compiler would pay off. JVM warnings go to
     * standard error, where they cannot spoil the JSON on standard output.
     */
    private static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable "
            + "-Xlog:all=warning:stderr";
    private static final long TIMEOUT_SECONDS = 120;
    /** The JVM options of every run: {@link #FAST_START}, and a class-data archive of the jar once one is made. */
    private static String options;

    /** What a run printed and how it ended. */
    record Run(int exitStatus, String stdout, String stderr) {
        /** Both streams, for assertions that something appears nowhere. */
        String output() {
            return stdout + "\n" + stderr;
        }

        @Override
        public String toString() {
            return "exit status " + exitStatus + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private CliJar() {
    }

    /** The jar that {@code package} built: {@code target/migrator-cli-<version>.jar}. */
    static Path jar() {
        String property = System.getProperty("migrator.cli.jar");
        if (property == null) {
            throw new IllegalStateException("system property migrator.cli.jar is not set: run the ITs with "
                    + "mvn verify, which builds the jar first");
        }
        Path jar = Paths.get(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run mvn verify, which packages it first");
        }
        return jar;
    }

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code java -jar migrator-cli.jar args...} in {@code workDir} with exactly {@code env} added. */
    static Run run(Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(options().split(" ")));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return exec(new ProcessBuilder(command), workDir, env);
    }

    /**
     * Runs a shell command line (a recipe from the docs) in {@code workDir}. The JVM options come through
     * {@code JDK_JAVA_OPTIONS}, which the java launcher reads, so that the line runs as written.
     */
    static Run shell(Path workDir, Map<String, String> env, String commandLine) {
        Map<String, String> withOptions = new HashMap<>(env);
        withOptions.put("JDK_JAVA_OPTIONS", options());
        return exec(new ProcessBuilder("bash", "-c", commandLine), workDir, withOptions);
    }

    /**
     * The JVM options, with a class-data-sharing archive of the jar's classes made by a first run: some 50 runs
     * each load the same few thousand classes, and the archive saves a third of each start. Without it (a JVM that
     * cannot make one), the runs are only slower.
     */
    private static synchronized String options() {
        if (options == null) {
            options = FAST_START;
            try {
                Path dir = Files.createTempDirectory("cli-cds");
                Path archive = dir.resolve("cli.jsa");
                archive.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                Run warmUp = exec(new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable",
                        "-jar", jar().toString(), "info", "--url", "jdbc:h2:mem:warm-up", "--locations",
                        "filesystem:" + dir, "--json"), dir, Map.of());
                if (warmUp.exitStatus() == 0 && Files.isRegularFile(archive)) {
                    options = FAST_START + " -XX:SharedArchiveFile=" + archive;
                }
            } catch (IOException | RuntimeException e) {
                // Only slower without it.
            }
        }
        return options;
    }

    private static Run exec(ProcessBuilder builder, Path workDir, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            try {
                builder.directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
                // The tests' own environment may hold MIGRATOR_* settings (the testkit's): a run sees only its own.
                builder.environment().keySet().removeIf(k -> k.startsWith("MIGRATOR_"));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the CLI did not end within " + TIMEOUT_SECONDS + " s: "
                            + builder.command());
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
