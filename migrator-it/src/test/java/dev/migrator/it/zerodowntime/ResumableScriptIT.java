package dev.migrator.it.zerodowntime;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #17 item 3: where DDL commits implicitly, a script that failed part-way resumes at the first statement that
 * did not commit, once the failing statement is fixed, and only if the committed statements are unchanged.
 */
class ResumableScriptIT {
    private static final String FIVE = """
            CREATE TABLE a (id INT);
            INSERT INTO a (id) VALUES (1);
            CREATE TABLE b (id INT, x %s);
            CREATE TABLE c (id INT);
            INSERT INTO c (id) VALUES (1);
            """;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"MARIADB", "H2"})
    void scriptFailingAtItsThirdStatement_oncefixed_resumesThere_andRunsStatementsThreeToFiveOnly(DatabaseKind kind)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Path v1 = dir.resolve("V1__Five_statements.sql");
        Files.writeString(v1, FIVE.formatted("NO_SUCH_TYPE"));
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("statements 1-2 of 5 were committed")
                .hasMessageContaining("Fix statement 3 (line 3) and migrate again: it resumes at statement 3");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("fix statement 3 (line 3), which failed");

        Files.writeString(v1, FIVE.formatted("INT"));
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("1");

        assertThat(db.query("SELECT count(*) FROM a")).containsExactly(List.of("1"));   // statement 2 ran once
        assertThat(db.query("SELECT count(*) FROM c")).containsExactly(List.of("1"));
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state()).containsExactly("1 APPLIED");
        assertThat(migrator.migrate().applied()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"MARIADB", "H2"})
    void committedStatementEditedBeforeTheResume_isRefused_namingIt(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        Path v1 = dir.resolve("V1__Five_statements.sql");
        Files.writeString(v1, FIVE.formatted("NO_SUCH_TYPE"));
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).build();
        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class);

        Files.writeString(v1, FIVE.formatted("INT").replace("CREATE TABLE a (id INT)", "CREATE TABLE a (id BIGINT)"));

        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("statement 1 (line 1) was committed by the failed run")
                .hasMessageContaining("has changed since");
        assertThat(db.query("SELECT count(*) FROM a")).containsExactly(List.of("1"));
    }
}
