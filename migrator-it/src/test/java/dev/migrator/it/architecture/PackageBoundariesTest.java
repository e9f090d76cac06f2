package dev.migrator.it.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries the style asks for, read from the main sources of every published module: the arrows point
 * one way (core never reaches a target, the targets only the SPI), and no module reaches into another's
 * {@code .internal} package, except {@code dev.migrator.api.internal}, which migrator-api exports to migrator's own
 * modules only (its module-info; ModuleDescriptorsIT reads it). The module-infos enforce this for the modules that have
 * one; this test also covers the rest (testkit, cli, spring-boot) and fails before a jar is built.
 */
class PackageBoundariesTest {
    private static final Pattern REFERENCE = Pattern.compile("dev\\.migrator\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Per published module: its own root package, and the other modules' public packages it may use. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "migrator-api", List.of("api"),
            "migrator-core", List.of("core", "api"),
            "migrator-jdbc", List.of("jdbc", "api"),
            "migrator-mongo", List.of("mongo", "api"),
            // TestDatabase is JDBC: its dataSource() is migrator-jdbc's DriverManagerDataSource.
            "migrator-testkit", List.of("testkit", "api", "core", "jdbc"),
            "migrator-micrometer", List.of("micrometer", "api", "core"),
            "migrator-spring-boot", List.of("spring", "api", "core", "jdbc", "mongo", "micrometer"),
            "migrator-cli", List.of("cli", "api", "core", "jdbc", "mongo"));

    /** The modules to which migrator-api's module-info exports {@code dev.migrator.api.internal}. */
    private static final List<String> SHARES_API_INTERNAL = List.of("migrator-core", "migrator-jdbc", "migrator-mongo",
            "migrator-cli", "migrator-micrometer");

    @Test
    void everyModuleUsesOnlyWhatItMay_andNoOtherModulesInternals() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> violations = new ArrayList<>();
        ALLOWED.forEach((module, allowed) -> {
            String own = allowed.get(0);
            for (Path file : sources(root.resolve(module).resolve("src/main/java"))) {
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String pkg = m.group(1);
                    String top = pkg.split("\\.")[0];
                    boolean internalOfAnother = !top.equals(own) && pkg.contains("internal")
                            && !(pkg.equals("api.internal") && SHARES_API_INTERNAL.contains(module));
                    if (!allowed.contains(top) || internalOfAnother) {
                        violations.add(module + ": " + root.relativize(file) + " uses dev.migrator." + pkg);
                    }
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
