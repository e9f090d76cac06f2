package dev.migrator.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local-server bootstrap that lets {@code ./mvnw verify} pass on a machine as it comes: a login the server
 * refuses is created through local administrator access, and nothing else is changed. A throw-away login stands in
 * for {@code migrator}, so that the other tests running on this server keep theirs.
 */
class LocalServerIT {

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void refusedLoginIsCreatedThroughLocalAdministratorAccess(DatabaseKind kind) throws Exception {
        if (System.getenv("MIGRATOR_TEST_" + kind.key().toUpperCase(java.util.Locale.ROOT) + "_URL") != null) {
            return; // a named server is used as given: the bootstrap is for the local server only
        }
        String user = "migrator_boot_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            TestDatabase.Server server = LocalServer.prepare(kind, user, "pw-" + user);

            try (Connection c = DriverManager.getConnection(server.adminUrl, user, "pw-" + user);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + user + "_db");
                s.execute("DROP DATABASE " + user + "_db");
            }
            assertThat(server.user).isEqualTo(user);
            // A second call finds the login working and creates nothing.
            assertThat(LocalServer.prepare(kind, user, "pw-" + user).user).isEqualTo(user);
        } finally {
            drop(kind, user);
        }
    }

    @Test
    void failureListsEveryRemedyWithItsCommand() {
        IllegalStateException e = LocalServer.unavailable(DatabaseKind.MARIADB, List.of("nothing listens"));

        assertThat(e.getMessage())
                .contains("MIGRATOR_TEST_MARIADB_URL", "MIGRATOR_TEST_MARIADB_USER", "MIGRATOR_TEST_MARIADB_PASSWORD")
                .contains("CREATE USER 'migrator'@'127.0.0.1' IDENTIFIED BY 'migrator'")
                .contains("docker run")
                .contains("nothing listens");
    }

    private static void drop(DatabaseKind kind, String user) throws Exception {
        TestDatabase.Server admin = LocalServer.prepare(kind);
        try (Connection c = DriverManager.getConnection(admin.adminUrl, admin.user, admin.password);
             Statement s = c.createStatement()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                s.execute("DROP ROLE IF EXISTS " + user);
            } else {
                for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
                    s.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
                }
            }
        }
    }
}
