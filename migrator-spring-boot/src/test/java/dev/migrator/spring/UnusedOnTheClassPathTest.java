package dev.migrator.spring;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the starter and the metrics module on the class path but unused cost a no-op boot nothing. The proof is
 * not a timing (the machine is shared and loaded) but what a timing would measure: a fresh JVM, with this module's
 * whole test class path (Spring Boot, the actuator, Micrometer, migrator-spring-boot, migrator-micrometer), runs a
 * plain application's no-op {@code migrate()}, and not one class of Spring, Micrometer or those two modules is
 * loaded (but the one logging class that logback itself looks up in spring-boot.jar, as in any JVM that holds both).
 * migrator looks up no service (no {@code ServiceLoader}) and scans only its locations, so jars it does not use are
 * never opened.
 */
class UnusedOnTheClassPathTest {
    private static final List<String> UNUSED = List.of("org.springframework.", "io.micrometer.",
            "dev.migrator.spring.", "dev.migrator.micrometer.");

    @TempDir
    Path dir;

    /** The child JVM: an application that uses migrator through the plain API. */
    static final class NoOpBoot {
        public static void main(String[] args) {
            MigrateResult r = Migrator.builder().target(JdbcTarget.of(args[0], "sa", "")).locations(args[1]).build()
                    .migrate();
            System.out.println("no-op boot applied " + r.applied().size() + ", at version " + r.versionAfter());
        }
    }

    @Test
    void aNoOpBoot_withTheStarterAndMetricsOnTheClassPath_loadsNoClassOfThem() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id BIGINT);\n");
        String url = "jdbc:h2:" + dir.resolve("app").toAbsolutePath();
        String location = "filesystem:" + migrations;
        Migrator.builder().target(JdbcTarget.of(url, "sa", "")).locations(location).build().migrate();

        List<String> loaded = run("-Xlog:disable", "-Xlog:class+load=info:stdout",
                "-cp", System.getProperty("java.class.path"), NoOpBoot.class.getName(), url, location);

        assertThat(loaded).as("the child's output").contains("no-op boot applied 0, at version 1");
        List<String> classes = loaded.stream().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceFirst("^.*\\[class,load\\]\\s+", "").replaceFirst("\\s.*$", "")).toList();
        assertThat(classes).as("classes the no-op boot loaded").contains(Migrator.class.getName())
                .hasSizeGreaterThan(500);
        assertThat(classes).as("classes of the starter, the metrics module, Spring and Micrometer")
                .filteredOn(c -> !c.startsWith(UnusedOnTheClassPathTest.class.getName()))
                // Logback's own service lookup (META-INF/services of spring-boot.jar) loads Spring Boot's logging
                // configurator in any JVM that has both, whether migrator runs or not: not migrator's doing.
                .filteredOn(c -> !c.startsWith("org.springframework.boot.logging.logback."))
                .noneMatch(c -> UNUSED.stream().anyMatch(c::startsWith));
    }

    private static List<String> run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
