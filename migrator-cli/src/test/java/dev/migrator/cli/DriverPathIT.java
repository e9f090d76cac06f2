package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.cli.plugin.WrappingDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --driver-path}: a driver the jar does not carry, and {@code classpath:} migrations, from jars of the user. */
class DriverPathIT {
    @TempDir
    Path dir;

    @Test
    void driverAndMigrationsFromAJarOnTheDriverPath_areUsed() throws Exception {
        Path jar = pluginJar(dir.resolve("drivers/wrapped-driver.jar"));
        String url = "jdbc:wrapped:h2:file:" + dir.toAbsolutePath().resolve("h2/app");

        Run withoutJar = CliJar.run(dir, Map.of(), "info", "--url", url, "--json");
        JsonNode migrated = CliCommandsIT.json("migrate", CliJar.run(dir, Map.of(), "migrate", "--url", url,
                "--driver-path", jar.getParent().toString(), "--locations", "classpath:db/plugin", "--json"));

        assertThat(CliExitStatusIT.error(withoutJar, 2, "CONFIGURATION").get("message").asText())
                .contains("No JDBC driver takes jdbc:wrapped: URLs", "--driver-path");
        assertThat(migrated.get("target").asText()).startsWith("jdbc:wrapped:h2:");
        assertThat(migrated.get("migrations")).extracting(m -> m.get("script").asText())
                .containsExactly("V1__From_the_jar.sql");
    }

    /** A jar holding the driver, its service entry, and a migration under db/plugin. */
    private static Path pluginJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        String driverClass = WrappingDriver.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, driverClass, Files.readAllBytes(Fixtures.resource(driverClass)));
            add(out, "META-INF/services/java.sql.Driver",
                    (WrappingDriver.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            // Directory entries, as every jar tool writes them: class loaders find a location through them.
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/plugin/"));
            add(out, "db/plugin/V1__From_the_jar.sql",
                    Files.readAllBytes(Fixtures.resource("db/cli/plugin/V1__From_the_jar.sql")));
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }
}
