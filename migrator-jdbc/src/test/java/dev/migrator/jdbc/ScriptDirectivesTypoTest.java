package dev.migrator.jdbc;

import dev.migrator.api.ConfigurationException;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code -- migrator:} directive migrator does not know is refused before anything runs, naming the script and
 * the line: ignored, a misspelt {@code lock_timeout} would let the script run with a lock timeout its author did not
 * choose. What the message quotes never holds a secret placeholder's value.
 */
class ScriptDirectivesTypoTest {
    private static final String SECRET = "Sx7!kQ2-zR9pWv";

    @TempDir
    Path dir;
    private final String url = "jdbc:h2:mem:directives-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aMisspeltDirective_isRefusedBeforeAnythingRuns_namingTheScriptAndLine() throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id INT);\n");
        Files.writeString(dir.resolve("V2__index.sql"), "-- the lookup by owner\n-- migrator:lock_timeout=10s\n"
                + "CREATE INDEX ix_owner ON accounts (id);\n");
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(url, "sa", ""))
                .locations("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V2__index.sql line 2: -- migrator:lock_timeout is not a directive migrator knows")
                .hasMessageContaining("-- migrator:lock-timeout=<time>|none");
        assertThat(tables()).as("nothing ran, V1 included").doesNotContain("ACCOUNTS");
    }

    @Test
    void aNearMissWithoutAValue_isRefusedToo_whileProseAfterMigratorColonIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "-- migrator: keep in step with the billing service\n"
                + "-- migrator:note owned by the payments team\nCREATE TABLE accounts (id INT);\n");
        Migrator.builder().target(JdbcTarget.of(url, "sa", "")).locations("filesystem:" + dir).build().migrate();
        assertThat(tables()).contains("ACCOUNTS");

        Files.writeString(dir.resolve("V2__drop.sql"), "-- migrator:alow SQL-DROP-TABLE moved to the archive\n"
                + "DROP TABLE accounts;\n");
        assertThatThrownBy(() -> Migrator.builder().target(JdbcTarget.of(url, "sa", ""))
                .locations("filesystem:" + dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V2__drop.sql line 1: -- migrator:alow is not a directive migrator knows");
        assertThat(tables()).contains("ACCOUNTS");
    }

    @Test
    void aBadValueFromASecretPlaceholder_isReportedWithoutTheSecret() throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "-- migrator:lock-timeout=${dbPassword}\n"
                + "CREATE TABLE accounts (id INT);\n");
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(url, "sa", ""))
                .locations("filesystem:" + dir).placeholders(Map.of("dbPassword", SECRET)).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__accounts.sql line 1:")
                .hasMessageContaining("is not a timeout")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(t.getMessage()).doesNotContain(SECRET);
                    }
                });
    }

    private String tables() throws Exception {
        StringBuilder names = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                names.append(rs.getString(1)).append(' ');
            }
        }
        return names.toString();
    }
}
