package dev.migrator.it;

import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.SchemaSnapshot;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.migrator.it.Targets.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway-style project of {@link FlywayHabitsIT} run by real Flyway (the version the parent pom names) and by
 * migrator, each on a database of its own: the same schema, the same rows, the callbacks in the same order. Flyway is
 * given migrator's history table name, so that {@code ${flyway:table}} resolves alike and the snapshots leave the
 * history out on both sides.
 */
class FlywayParityIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void flywayAndMigratorMakeTheSameDatabaseOfAFlywayProject() throws Exception {
        Path project = copyProject();
        TestDatabase byFlyway = databases.create(DatabaseKind.POSTGRESQL);
        TestDatabase byMigrator = databases.create(DatabaseKind.POSTGRESQL);

        Flyway.configure()
                .dataSource(byFlyway.url(), byFlyway.user(), byFlyway.password())
                .locations("filesystem:" + project)
                .placeholders(Map.of("env", "test"))
                .table("migrator_history")
                .load()
                .migrate();
        Migrator.builder()
                .target(JdbcTarget.of(byMigrator.url(), byMigrator.user(), byMigrator.password()))
                .locations("filesystem:" + project)
                .placeholders(Map.of("env", "test"))
                .build()
                .migrate();

        SchemaSnapshot flyway = SchemaSnapshot.of(JdbcTarget.of(byFlyway.url(), byFlyway.user(), byFlyway.password()));
        SchemaSnapshot migrator = SchemaSnapshot.of(JdbcTarget.of(byMigrator.url(), byMigrator.user(),
                byMigrator.password()));
        assertThat(flyway.diff(migrator)).as("schema made by Flyway vs by migrator").isEmpty();
        for (String sql : List.of("SELECT n, event, detail FROM callback_log ORDER BY n",
                "SELECT id, owner, created_by FROM accounts ORDER BY id",
                "SELECT schema_name, history, script FROM deployed",
                "SELECT id, owner, env FROM account_owners ORDER BY id")) {
            assertThat(query(byMigrator, sql)).as(sql).isEqualTo(query(byFlyway, sql));
        }
        assertThat(query(byFlyway, "SELECT database_name FROM deployed")).containsExactly(List.of(byFlyway.name()));
        assertThat(query(byMigrator, "SELECT database_name FROM deployed"))
                .containsExactly(List.of(byMigrator.name()));
    }

    /** The project's files, on disk: Flyway and migrator each read the same directory. */
    private Path copyProject() throws IOException, URISyntaxException {
        Path source = Path.of(FlywayParityIT.class.getResource("/db/flyway-habits/project").toURI());
        Path target = dir.resolve("project");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }
}
