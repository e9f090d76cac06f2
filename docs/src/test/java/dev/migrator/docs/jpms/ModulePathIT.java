package dev.migrator.docs.jpms;

import dev.migrator.api.Migration;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a JPMS application: its classes and scripts, with {@code docs/src/jpms/module-info.java}, compiled into
 * a modular jar and run with {@code java --module-path ... -m}, next to the migrator jars this build made (failsafe
 * runs after {@code package}) and the H2 and SLF4J jars from the local repository. Nothing on the class path.
 */
class ModulePathIT {
    private static final Path ROOT = Path.of(System.getProperty("migrator.repository.root", ".."));
    private static final String MAIN = "dev.migrator.demo/dev.migrator.docs.demo.DemoApplication";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @Test
    void demoOnTheModulePath_appliesFourMigrations() throws Exception {
        Path app = buildApplication(Files.readString(ROOT.resolve("docs/src/jpms/module-info.java")));

        Run run = launch(app);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().replaceAll(TIME, "<time>")).isEqualTo("""

                Applied 4 migrations; the schema went from version <none> to 3.

                Version | Description     | Type | State   | Reversible | Installed on (UTC)
                --------+-----------------+------+---------+------------+--------------------
                1       | Create accounts | SQL  | APPLIED | no         | <time>
                2       | Add iban        | SQL  | APPLIED | yes        | <time>
                3       | Backfill ibans  | JAVA | APPLIED | yes        | <time>
                        | Account view    | SQL  | APPLIED | no         | <time>
                """);
    }

    @Test
    void withoutTheOpensLine_theErrorNamesTheLineToAdd() throws Exception {
        String moduleInfo = Files.readString(ROOT.resolve("docs/src/jpms/module-info.java"));
        Path app = buildApplication(moduleInfo.replace("opens db.migration to dev.migrator.core;", ""));

        Run run = launch(app);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("db.migration.V3__Backfill_ibans is in module dev.migrator.demo, which does "
                + "not open package db.migration to migrator: add 'opens db.migration to dev.migrator.core;' to that "
                + "module's module-info.java");
        assertThat(run.stdout()).isEmpty();
    }

    @TempDir
    Path work;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** The demo's sources and scripts, compiled with {@code moduleInfo} into {@code dev.migrator.demo.jar}. */
    private Path buildApplication(String moduleInfo) throws IOException {
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        copyTree(ROOT.resolve("docs/src/main/java/dev/migrator/docs/demo"), src.resolve("dev/migrator/docs/demo"));
        copyTree(ROOT.resolve("docs/src/main/java/db/migration"), src.resolve("db/migration"));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", modulePath(),
                "-encoding", "UTF-8"));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        run("javac", javac);
        copyTree(ROOT.resolve("docs/src/main/resources/db/migration"), classes.resolve("db/migration"));
        Path jar = work.resolve("dev.migrator.demo.jar");
        run("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return jar;
    }

    private static Run launch(Path app) throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(launcher.toString(), "--module-path", app + File.pathSeparator
                + modulePath(), "-m", MAIN).start();
        process.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drain.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the application finished").isTrue();
        drain.join();
        return new Run(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The jars the application needs, found where this test's own classes came from: migrator's as this build
     * packaged them, H2 and SLF4J (with its simple binding) from the local repository.
     */
    private static String modulePath() {
        List<String> entries = new ArrayList<>();
        for (String type : List.of(Migration.class.getName(), Migrator.class.getName(), JdbcTarget.class.getName(),
                "org.h2.Driver", "org.slf4j.Logger", "org.slf4j.simple.SimpleLogger",
                // migrator-core writes its JSON with Jackson's tree model
                "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
                "com.fasterxml.jackson.annotation.JsonProperty")) {
            jarOf(type, entries);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jarOf(String type, List<String> entries) {
        try {
            Class<?> c = Class.forName(type, false, ModulePathIT.class.getClassLoader());
            String path = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!entries.contains(path)) {
                entries.add(path);
            }
        } catch (ClassNotFoundException e) {
            // Jackson: needed only while migrator-core requires it
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                "this JDK has no " + tool + " tool"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int code = provider.run(print, print, args.toArray(String[]::new));
        assertThat(code).as("%s %s%n%s", tool, args, messages.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
