package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code adopt --from flyway} on PostgreSQL, over a history the real Flyway wrote; exit 3 on a refusal. */
class CliAdoptIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private TestDatabase flywayProject() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Create_users.sql"), "CREATE TABLE users (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Add_email.sql"), "ALTER TABLE users ADD email VARCHAR(200);\n");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("filesystem:" + dir).load()
                .migrate();
        return db;
    }

    private Run cli(TestDatabase db, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", db.url(), "--user", db.user(), "--locations", "filesystem:" + dir},
                0, all, args.length, 6);
        return InProcess.run(Map.of("MIGRATOR_PASSWORD", db.password()), all);
    }

    @Test
    void adoptsTheFlywayHistory_thenInfoShowsItAdopted_andASecondRunWritesNothing() throws Exception {
        TestDatabase db = flywayProject();

        Run adopt = cli(db, "adopt", "--from", "flyway", "--json");
        Run again = cli(db, "adopt", "--from", "flyway");
        Run info = cli(db, "info");

        assertThat(adopt.exitStatus()).as(adopt.toString()).isZero();
        JsonNode json = DocumentedKeys.assertDocumented("adopt", adopt.stdout().trim());
        assertThat(json.get("operation").asText()).isEqualTo("adopt");
        assertThat(json.get("tool").asText()).isEqualTo("flyway");
        assertThat(json.get("table").asText()).isEqualTo("flyway_schema_history");
        assertThat(json.get("adopted").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(json.get("versionAfter").asText()).isEqualTo("2");
        assertThat(again.exitStatus()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("was adopted before; nothing was written", "Now at version 2");
        assertThat(info.stdout()).contains("ADOPTED");
    }

    @Test
    void anEditedScriptIsRefusedWithExitStatus3_namingTheFile() throws Exception {
        TestDatabase db = flywayProject();
        Files.writeString(dir.resolve("V2__Add_email.sql"), "ALTER TABLE users ADD email VARCHAR(300);\n");

        Run adopt = cli(db, "adopt", "--from", "flyway");

        assertThat(adopt.exitStatus()).as(adopt.toString()).isEqualTo(3);
        assertThat(adopt.stderr()).contains("V2__Add_email.sql (version 2) was changed after Flyway applied it",
                "nothing was written");
    }

    @Test
    void withoutFromOrWithAnUnknownTool_itIsAUsageError() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        Run none = cli(db, "adopt");
        Run unknown = cli(db, "adopt", "--from", "dbmate");
        Run help = InProcess.run("adopt", "--help");

        assertThat(none.exitStatus()).isEqualTo(2);
        assertThat(none.stderr()).contains("adopt needs --from TOOL");
        assertThat(unknown.exitStatus()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("flyway, liquibase, alembic, django, knex, sequelize");
        assertThat(help.stdout()).contains("--from TOOL", "--from-table NAME");
    }
}
