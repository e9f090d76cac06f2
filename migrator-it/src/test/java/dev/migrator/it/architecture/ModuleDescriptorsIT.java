package dev.migrator.it.architecture;

import dev.migrator.api.Migration;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.micrometer.MigratorObservations;
import dev.migrator.mongo.MongoTarget;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each published jar declares to the module system, read from the jars this build packaged (failsafe runs after
 * {@code package}): the public packages and nothing else exported, {@code dev.migrator.api.internal} only to
 * migrator's own modules, optional dependencies {@code static}. A change here is a change of the public surface:
 * API.md and docs/jpms.md change with it.
 */
class ModuleDescriptorsIT {

    @Test
    void api_exportsTheApiAndTheSpi_andItsHelpersOnlyToMigratorsModules() {
        assertThat(declarations(Migration.class)).containsExactly(
                "module dev.migrator.api",
                "exports dev.migrator.api",
                "exports dev.migrator.api.internal to dev.migrator.cli, dev.migrator.core, dev.migrator.jdbc, "
                        + "dev.migrator.micrometer, dev.migrator.mongo",
                "exports dev.migrator.api.spi");
    }

    @Test
    void core_exportsItsOnePackage_andRequiresTheApiTransitively() {
        assertThat(declarations(Migrator.class)).containsExactly(
                "module dev.migrator.core",
                "exports dev.migrator.core",
                "requires org.slf4j",
                "requires transitive dev.migrator.api");
    }

    @Test
    void jdbc_exportsItsPublicPackage_neverItsInternals_andNamesNoDriver() {
        assertThat(declarations(JdbcTarget.class)).containsExactly(
                "module dev.migrator.jdbc",
                "exports dev.migrator.jdbc",
                "requires org.slf4j",
                "requires transitive dev.migrator.api",
                "requires transitive dev.migrator.core",
                "requires transitive java.sql");
    }

    @Test
    void mongo_requiresTheDriverStatically() {
        assertThat(declarations(MongoTarget.class)).containsExactly(
                "module dev.migrator.mongo",
                "exports dev.migrator.mongo",
                "requires org.slf4j",
                "requires static org.mongodb.bson",
                "requires static org.mongodb.driver.core",
                "requires static transitive org.mongodb.driver.sync.client",
                "requires transitive dev.migrator.api",
                "requires transitive dev.migrator.core");
    }

    @Test
    void micrometer_exportsItsListener_andRequiresTheRegistriesItTakes() {
        assertThat(declarations(MigratorObservations.class)).containsExactly(
                "module dev.migrator.micrometer",
                "exports dev.migrator.micrometer",
                "requires transitive dev.migrator.api",
                "requires transitive micrometer.core",
                "requires transitive micrometer.observation");
    }

    /** Testcontainers has no module name, so the testkit keeps an Automatic-Module-Name (docs/jpms.md says why). */
    @Test
    void testkit_isAnAutomaticModuleWithAStableName() {
        ModuleDescriptor testkit = descriptor(TestDatabases.class);

        assertThat(testkit.isAutomatic()).isTrue();
        assertThat(testkit.name()).isEqualTo("dev.migrator.testkit");
    }

    @Test
    void noPublishedModuleOpensAPackage_orUsesAService() {
        for (Class<?> type : List.of(Migration.class, Migrator.class, JdbcTarget.class, MongoTarget.class,
                MigratorObservations.class)) {
            ModuleDescriptor d = descriptor(type);
            assertThat(d.opens()).as(d.name()).isEmpty();
            assertThat(d.uses()).as(d.name()).isEmpty();
            assertThat(d.provides()).as(d.name()).isEmpty();
            assertThat(d.isOpen()).as(d.name()).isFalse();
        }
    }

    /**
     * Nothing more is required than the code uses, as {@code jdeps --check} (the running JDK's) finds it: the one
     * requirement the code does not need is jdbc's and mongo's transitive core, which gives an application
     * {@code Migrator} with its target, as the Maven dependency does.
     */
    @Test
    void jdeps_findsEveryRequirementUsed_butTheDeliberateCore() {
        Map<String, Set<String>> suggested = jdepsSuggestions(List.of(Migration.class, Migrator.class,
                JdbcTarget.class, MongoTarget.class, MigratorObservations.class));
        Map<String, Set<String>> unused = new TreeMap<>();
        for (Class<?> type : List.of(Migration.class, Migrator.class, JdbcTarget.class, MongoTarget.class,
                MigratorObservations.class)) {
            ModuleDescriptor d = descriptor(type);
            assertThat(suggested).as("jdeps checked %s", d.name()).containsKey(d.name());
            Set<String> declared = d.requires().stream().map(ModuleDescriptor.Requires::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            declared.removeAll(suggested.get(d.name()));
            unused.put(d.name(), declared);
        }

        assertThat(unused).isEqualTo(Map.of(
                "dev.migrator.api", Set.of(),
                "dev.migrator.core", Set.of(),
                "dev.migrator.jdbc", Set.of("dev.migrator.core"),
                "dev.migrator.mongo", Set.of("dev.migrator.core"),
                "dev.migrator.micrometer", Set.of()));
    }

    /** Per module, the names in the descriptor that {@code jdeps --check} suggests from the code. */
    private static Map<String, Set<String>> jdepsSuggestions(List<Class<?>> modules) {
        List<String> path = new ArrayList<>();
        for (Class<?> type : modules) {
            path.add(jar(type).toString());
        }
        // What the modules require, found by a class each: SLF4J, Jackson, the MongoDB driver, Micrometer.
        for (String type : List.of("org.slf4j.Logger", "com.fasterxml.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.annotation.JsonProperty",
                "com.mongodb.client.MongoClient", "com.mongodb.connection.ClusterSettings", "org.bson.Document",
                "io.micrometer.core.instrument.MeterRegistry", "io.micrometer.observation.ObservationRegistry",
                "io.micrometer.common.KeyValue")) {
            try {
                String jar = jar(Class.forName(type, false, ModuleDescriptorsIT.class.getClassLoader())).toString();
                if (!path.contains(jar)) {
                    path.add(jar);
                }
            } catch (ClassNotFoundException e) {
                // No longer a dependency: jdeps reports any module that is still required and missing.
            }
        }
        List<String> names = modules.stream().map(t -> descriptor(t).name()).toList();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "17", "--module-path",
                String.join(File.pathSeparator, path), "--check", String.join(",", names));
        assertThat(code).as(out.toString()).isZero();

        Map<String, Set<String>> suggested = new TreeMap<>();
        Set<String> current = null;
        for (String line : out.toString().lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[Suggested module descriptor for ")) {
                current = new TreeSet<>();
                suggested.put(trimmed.substring("[Suggested module descriptor for ".length(), trimmed.length() - 1),
                        current);
            } else if (trimmed.startsWith("[")) {
                current = null;
            } else if (current != null && trimmed.startsWith("requires ")) {
                String[] words = trimmed.substring(0, trimmed.length() - 1).split(" ");
                current.add(words[words.length - 1]);
            }
        }
        return suggested;
    }

    /** The module's declarations as sorted lines, without the {@code java.base} every module requires. */
    private static List<String> declarations(Class<?> type) {
        ModuleDescriptor d = descriptor(type);
        assertThat(d.isAutomatic()).as("%s has a module-info", d.name()).isFalse();
        List<String> lines = new ArrayList<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            lines.add("exports " + e.source() + (e.isQualified() ? " to " + sorted(e.targets()) : ""));
        }
        for (ModuleDescriptor.Requires r : d.requires()) {
            if (!r.name().equals("java.base")) {
                String modifiers = r.modifiers().stream().map(m -> m.name().toLowerCase() + " ").sorted()
                        .collect(Collectors.joining());
                lines.add("requires " + modifiers + r.name());
            }
        }
        lines.sort(null);
        lines.add(0, "module " + d.name());
        return lines;
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** The descriptor of the jar that {@code type} was loaded from, as the module system reads it. */
    private static ModuleDescriptor descriptor(Class<?> type) {
        Path jar = jar(type);
        assertThat(jar.getFileName().toString()).as("%s comes from a packaged jar", type).endsWith(".jar");
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertThat(found).as(jar.toString()).hasSize(1);
        return found.iterator().next().descriptor();
    }

    private static Path jar(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
