package dev.migrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 item 12: an H2 Java function alias whose class is in a --driver-path jar, not on the class path. */
class DriverPathContextLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aFunctionAliasFromADriverPathJar_loads() throws Exception {
        Path jar = functionJar();
        Path migrations = Files.createDirectories(dir.resolve("db"));
        Files.writeString(migrations.resolve("V1__alias.sql"), "CREATE ALIAS TWICE FOR \"sample.Twice.of\";\n"
                + "CREATE TABLE doubled AS SELECT TWICE(21) AS x;\n");
        String url = "jdbc:h2:" + dir.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        int status = Main.run(new String[] {"migrate", "--url", url, "--locations", "filesystem:" + migrations,
            "--driver-path", jar.toString()}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as("%s%s", out, err).isZero();
        assertThat(Thread.currentThread().getContextClassLoader()).as("restored after the run").isSameAs(before);
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE");
             ResultSet rs = c.createStatement().executeQuery("SELECT x FROM doubled")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    /** {@code sample.Twice.of(int)}, compiled here and packed into a jar that is on no class path. */
    private Path functionJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/sample"));
        Files.writeString(src.resolve("Twice.java"),
                "package sample; public class Twice { public static int of(int x) { return 2 * x; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), src.resolve("Twice.java").toString());
        assertThat(compiled).isZero();
        Path jar = dir.resolve("functions.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("sample/Twice.class"));
            out.write(Files.readAllBytes(classes.resolve("sample/Twice.class")));
            out.closeEntry();
        }
        return jar;
    }
}
