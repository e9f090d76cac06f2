package dev.migrator.docs;

// tag::quick-start-imports[]
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
// end::quick-start-imports[]
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's quick start, run as written against H2. */
class ReadmeIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void quickStart_appliesTheScriptsInTheDefaultLocation() throws Exception {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();

        // tag::quick-start[]
        Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .build()
                .migrate();
        // end::quick-start[]

        // The default location is classpath:db/migration, where the README's V1 script lives in this module.
        MigrationStatus v1 = Migrator.builder().target(JdbcTarget.of(dataSource)).build().info().get(0);
        assertThat(v1.script()).isEqualTo("V1__Create_accounts.sql");
        assertThat(v1.state()).isEqualTo(MigrationState.APPLIED);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner FROM accounts ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Ada Lovelace");
        }
    }
}
