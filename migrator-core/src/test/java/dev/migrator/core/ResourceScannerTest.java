package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.Manifest;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceScannerTest {
    @TempDir
    Path dir;

    @Test
    void classpathLocationInsideAJar_isListedRecursively() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest())) {
            put(j, "db/migration/V1__Init.sql", "CREATE TABLE a (id INT);");
            put(j, "db/migration/sub/V2__More.sql", "CREATE TABLE b (id INT);");
            put(j, "db/other/V9__Elsewhere.sql", "SELECT 1;");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            var found = new ResourceScanner(loader).scan("classpath:db/migration");

            assertThat(found).extracting(ResourceScanner.Resource::path)
                    .containsExactly("db/migration/V1__Init.sql", "db/migration/sub/V2__More.sql");
            assertThat(new String(found.get(0).read(), StandardCharsets.UTF_8)).isEqualTo("CREATE TABLE a (id INT);");
        }
    }

    @Test
    void filesystemLocation_isListedRecursively_andAMissingOneIsNull() throws Exception {
        Files.createDirectories(dir.resolve("m/nested"));
        Files.writeString(dir.resolve("m/V1__A.sql"), "x");
        Files.writeString(dir.resolve("m/nested/V2__B.sql"), "y");

        assertThat(new ResourceScanner(getClass().getClassLoader()).scan("filesystem:" + dir.resolve("m")))
                .extracting(ResourceScanner.Resource::name).containsExactly("V1__A.sql", "V2__B.sql");
        assertThat(new ResourceScanner(getClass().getClassLoader()).scan("filesystem:" + dir.resolve("none")))
                .isNull();
    }

    @Test
    void discoveryOfAJarOnAClassLoader_findsScriptsAndRefusesBadNames() throws Exception {
        Path jar = dir.resolve("bad.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest())) {
            put(j, "db/migration/V1__Init.sql", "create");
            put(j, "db/migration/init.sql", "create");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> Migrator.builder().target(new FakeTarget()).classLoader(loader).build().info())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("db/migration/init.sql: 'init' is not a migration name");
        }
    }

    /** Built the way some shading tools build jars: a manifest, but no directory entries. */
    private static Manifest manifest() {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return m;
    }

    private static void put(JarOutputStream jar, String name, String text) throws Exception {
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
