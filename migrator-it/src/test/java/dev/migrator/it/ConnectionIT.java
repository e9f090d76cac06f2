package dev.migrator.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.api.ConfigurationException;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections: pools, credentials, schemas, and what a pooled connection looks like after a run. */
class ConnectionIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static HikariDataSource pool(TestDatabase db, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(1_000);
        return new HikariDataSource(config);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hikariPoolOfTwo_migrates_andGetsItsConnectionsBackAsTheyWere(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        try (HikariDataSource pool = pool(db, 2)) {
            Migrator.builder().target(JdbcTarget.of(pool)).locations("classpath:db/basic")
                    .placeholders(Targets.placeholders(kind)).build().migrate();

            try (Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    /** The session lock is held by the connection that migrates, so a pool of one is enough. */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void poolOfOne_migrates_becauseTheLockIsHeldByTheConnectionThatMigrates(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        try (HikariDataSource pool = pool(db, 1)) {
            Migrator.builder().target(JdbcTarget.of(pool)).locations("classpath:db/basic")
                    .placeholders(Targets.placeholders(kind)).build().migrate();

            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    /** A lease lock is renewed beside the work, so a lease-locked database still needs a second connection. */
    @Test
    void poolTooSmallForTheLeaseConnection_saysSo() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        try (HikariDataSource pool = pool(db, 1)) {
            assertThatThrownBy(() -> Migrator.builder().target(JdbcTarget.of(pool)).locations("classpath:db/basic")
                    .placeholders(Targets.placeholders(DatabaseKind.H2)).build().migrate())
                    .isInstanceOf(dev.migrator.api.TargetException.class)
                    .hasMessageContaining("a pool needs room for two");
        }
    }

    @Test
    void wrongPassword_isReported_withoutThePassword() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        String secret = "not-the-password-" + System.nanoTime();
        assertThatThrownBy(() -> Migrator.builder()
                .target(JdbcTarget.of(db.url() + "?password=" + secret, "no_such_user", secret))
                .placeholders(Targets.placeholders(DatabaseKind.POSTGRESQL)).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Cannot connect to")
                .hasMessageContaining("Check the URL, user and password")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(secret));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void schemaSetting_holdsTheHistoryAndTheMigrations_andIsRestoredOnThePooledConnection(DatabaseKind kind)
            throws Exception {
        TestDatabase db = databases.create(kind);
        String schema = "billing_" + kind.key();
        try (HikariDataSource pool = pool(db, 2)) {
            String before;
            try (Connection c = pool.getConnection()) {
                before = kind == DatabaseKind.MARIADB ? c.getCatalog() : c.getSchema();
            }
            Migrator migrator = Migrator.builder().target(JdbcTarget.of(pool)).locations("classpath:db/basic")
                    .placeholders(Targets.placeholders(kind)).schema(schema).build();

            migrator.migrate();

            assertThat(migrator.migrate().applied()).isEmpty();
            try (Connection c = pool.getConnection()) {
                assertThat(kind == DatabaseKind.MARIADB ? c.getCatalog() : c.getSchema()).isEqualTo(before);
                List<String> tables = tables(c, kind, schema);
                assertThat(tables).anyMatch(t -> t.equalsIgnoreCase("users"))
                        .contains("migrator_history");
            }
        } finally {
            if (kind == DatabaseKind.MARIADB) {
                Targets.execute(db, "DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    private static List<String> tables(Connection c, DatabaseKind kind, String schema) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = kind == DatabaseKind.MARIADB ? c.getMetaData().getTables(schema, null, "%", null)
                : c.getMetaData().getTables(null, schema, "%", null)) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    @Test
    void postgresSearchPath_keepsWhatTheConnectionHad() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        try (HikariDataSource pool = pool(db, 2)) {
            Migrator.builder().target(JdbcTarget.of(pool)).locations("classpath:db/basic").schema("app")
                    .placeholders(Targets.placeholders(DatabaseKind.POSTGRESQL)).build().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
            }
        }
    }
}
