package dev.migrator.cli;

import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway project run through the jar as it is: its flyway.conf or flyway.toml, SQL callbacks, script configuration
 * files and built-in placeholders, on H2 and PostgreSQL.
 */
class CliFlywayProjectIT {
    /**
     * The Flyway-style project that migrator-it's FlywayHabitsIT runs through the library (and docs/flyway-habits.md
     * shows); read from there, beside the docs directory the build names, so that both run the same files.
     */
    private static final Path PROJECT = Paths.get(System.getProperty("migrator.docs.dir", "../docs"), "..",
            "migrator-it", "src", "test", "resources", "db", "flyway-habits", "project");
    private static final String SECRET = "Fl7way-S3cret-for-the-test";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void aFlywayConfProjectMigratesOnH2() throws Exception {
        copyProject(dir.resolve("sql"));
        String url = "jdbc:h2:file:" + dir.resolve("bank").toAbsolutePath();
        Files.writeString(dir.resolve("flyway.conf"), String.join("\n",
                "flyway.url=" + url, "flyway.user=sa", "flyway.password=" + SECRET,
                "flyway.locations=filesystem:sql", "flyway.placeholders.env=test", "flyway.validateOnMigrate=true",
                "flyway.cleanDisabled=true", ""), StandardCharsets.UTF_8);
        // H2 takes the first password it is given for a new file database.
        Run run = CliJar.run(dir, Map.of(), "migrate", "--config", "flyway.conf");

        assertThat(run.exitStatus()).as(run.toString()).isZero();
        assertThat(run.output()).doesNotContain(SECRET).contains("Ran callback beforeMigrate.sql");
        try (Connection c = DriverManager.getConnection(url, "sa", SECRET)) {
            assertProjectRan(c, "migrator_history");
        }
    }

    @Test
    void aFlywayConfProjectMigratesOnPostgres() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        copyProject(dir.resolve("sql"));
        Files.writeString(dir.resolve("flyway.conf"), String.join("\n",
                "flyway.url=" + db.url(), "flyway.user=" + db.user(), "flyway.password=" + db.password(),
                "flyway.locations=filesystem:sql", "flyway.placeholders.env=test", "flyway.table=schema_history",
                ""), StandardCharsets.UTF_8);

        Run run = CliJar.run(dir, Map.of(), "migrate", "--config", "flyway.conf");
        Run again = CliJar.run(dir, Map.of(), "migrate", "--config", "flyway.conf");

        assertThat(run.exitStatus()).as(run.toString()).isZero();
        assertThat(again.exitStatus()).as(again.toString()).isZero();
        // As a word: the test login's password is "migrator", which also starts the database's name.
        assertThat(run.output() + again.output())
                .doesNotContainPattern("(?<![\\w])" + java.util.regex.Pattern.quote(db.password()) + "(?![\\w])");
        try (Connection c = db.connect()) {
            assertProjectRan(c, "schema_history");
            assertThat(rows(c, "SELECT COUNT(*) FROM callback_log WHERE event = 'beforeMigrate'"))
                    .as("beforeMigrate ran on both runs").containsExactly("2");
        }
    }

    @Test
    void aFlywayTomlProjectMigratesOnPostgres_thePasswordFromTheEnvironment() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        copyProject(dir.resolve("migrations"));
        Files.writeString(dir.resolve("flyway.toml"), """
                [environments.default]
                url = "%s"
                user = "%s"
                password = "${env.DB_PASSWORD}"

                [flyway]
                locations = ["filesystem:migrations"]

                [flyway.placeholders]
                env = "test"
                """.formatted(db.url(), db.user()), StandardCharsets.UTF_8);

        Run run = CliJar.run(dir, Map.of("DB_PASSWORD", db.password()), "migrate", "--config", "flyway.toml");

        assertThat(run.exitStatus()).as(run.toString()).isZero();
        try (Connection c = db.connect()) {
            assertProjectRan(c, "migrator_history");
        }
    }

    @Test
    void aSettingWithoutEquivalentExitsTwoNamingTheLine_andNeverPrintsThePassword() throws IOException {
        Files.writeString(dir.resolve("flyway.conf"), String.join("\n",
                "flyway.url=jdbc:h2:mem:x", "flyway.password=" + SECRET, "flyway.connectRetries=10", ""),
                StandardCharsets.UTF_8);

        Run run = CliJar.run(dir, Map.of(), "migrate", "--config", "flyway.conf");

        assertThat(run.exitStatus()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("flyway.conf line 3: flyway.connectRetries has no migrator equivalent");
        assertThat(run.output()).doesNotContain(SECRET);
    }

    private static void assertProjectRan(Connection c, String historyTable) throws SQLException {
        // Quoted: created lower case, which H2 would otherwise read upper-cased.
        assertThat(rows(c, "SELECT version FROM \"" + historyTable + "\" WHERE outcome = 'SUCCESS' ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "4", null);
        assertThat(rows(c, "SELECT owner FROM accounts ORDER BY id")).containsExactly("Ada Lovelace", "Zoë Brontë");
        assertThat(rows(c, "SELECT history FROM deployed")).containsExactly(historyTable);
        assertThat(rows(c, "SELECT env FROM account_owners WHERE id = 1")).containsExactly("test");
        assertThat(rows(c, "SELECT event FROM callback_log ORDER BY n")).startsWith("beforeMigrate",
                "beforeEachMigrate", "afterEachMigrate").contains("afterMigrate__1_counts", "afterMigrate__2_audit");
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void copyProject(Path target) {
        try (Stream<Path> files = Files.list(PROJECT)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
