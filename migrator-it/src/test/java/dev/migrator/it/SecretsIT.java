package dev.migrator.it;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigratorException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Secrets on real servers: in URLs that drivers echo, in statements that servers echo, in placeholders. */
class SecretsIT {
    private static final String SECRET = "Sent1nel!Pw";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }

    /** MariaDB: "Incorrect port value : <pw>@host"; PostgreSQL: "UnknownHostException: u:<pw>@host". */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aUserInfoPasswordInTheUrl_isInNoMessageAndNoCause(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        String url = db.url().replaceFirst("://", "://" + db.user() + ":" + SECRET + "@");
        Files.createDirectories(dir.resolve("m"));
        MigratorException e = catchThrowableOfType(() -> Migrator.builder()
                .target(JdbcTarget.of(url, db.user(), SECRET)).locations("filesystem:" + dir.resolve("m"))
                .build().migrate(), MigratorException.class);

        assertThat(e).as("a URL with user-info and a password fails to connect").isNotNull();
        assertThat(chain(e)).doesNotContain(SECRET);
    }

    @Test
    void aPasswordTheServerEchoes_isNeitherInTheMessageNorInTheHistory() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        Path m = Files.createDirectories(dir.resolve("echo"));
        // A syntax error: MariaDB quotes the statement from the error on, password included ("near ''Sent1...").
        Files.writeString(m.resolve("V1__echo.sql"), "SELECT 1 FROM FROM PASSWORD '" + SECRET + "';\n");
        MigrationFailedException e = catchThrowableOfType(() -> Targets.migrator(db, "filesystem:" + m).build()
                .migrate(), MigrationFailedException.class);

        assertThat(e.getMessage()).contains("SQL syntax").doesNotContain(SECRET);
        assertThat(db.query("SELECT error FROM migrator_history").toString()).contains("SQL syntax")
                .doesNotContain(SECRET);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aSecretPlaceholder_isNotShownByPlan_orInAFailure(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        Path m = Files.createDirectories(dir.resolve("ph"));
        Files.writeString(m.resolve("V1__config.sql"), "CREATE TABLE config (k VARCHAR(20), v VARCHAR(40));\n"
                + "INSERT INTO config VALUES ('api', '${apiToken}');\nINSERT INTO nowhere VALUES ('${apiToken}');\n");
        Migrator migrator = Targets.migrator(db, "filesystem:" + m).placeholders(Map.of("apiToken", SECRET)).build();

        assertThat(migrator.plan().toSql()).contains("'${apiToken}'").doesNotContain(SECRET);
        MigrationFailedException e = catchThrowableOfType(migrator::migrate, MigrationFailedException.class);
        assertThat(chain(e)).doesNotContain(SECRET);
        assertThat(e.statement()).isEqualTo("INSERT INTO nowhere VALUES ('****')");
    }

    /** Issue 22: user idle_r, password idle printed {@code ****_db (user ****_r)}. */
    @Test
    void theTargetDescription_isBuiltWithoutThePassword_notByReplacingItsValue() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "password=" + db.password();
        Path empty = Files.createDirectories(dir.resolve("none"));
        MigrateResult r = Migrator.builder().target(JdbcTarget.of(url, db.user(), null))
                .locations("filesystem:" + empty).build().migrate();

        assertThat(r.target()).startsWith("PostgreSQL ").contains(db.url().replaceFirst("\\?.*", ""))
                .contains("(user " + db.user() + ")").doesNotContain("password").doesNotContain("****");
        assertThat(JdbcTarget.of("jdbc:postgresql://127.0.0.1:5432/idle_db?password=idle", "idle_r", "idle"))
                .hasToString("jdbc:postgresql://127.0.0.1:5432/idle_db (user idle_r)");
    }
}
