package dev.migrator.docs;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.migrator.docs.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/configuration.md: every example of a setting, run against H2. */
class ConfigurationGuideIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void everySetting_appliesAsDocumented() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        DataSource dataSource = db.dataSource();

        // tag::all-settings[]
        Map<String, Duration> timings = new ConcurrentHashMap<>();
        Migrator migrator = Migrator.builder()
                // Essentials
                .target(JdbcTarget.of(dataSource))
                .locations("classpath:db/migration")
                // Often
                .schema("banking")
                .placeholders(Map.of("report_role", "reporting"))
                .installedBy("deploy-pipeline")
                .lockTimeout(Duration.ofMinutes(2))
                .listener(new MigrationListener() {
                    @Override
                    public void afterMigration(MigrationEvent event) {
                        timings.put(event.script(), event.duration());
                    }
                })
                // Rare
                .historyTable("migrator_history")
                .outOfOrder(false)
                .build();
        // end::all-settings[]
        migrator.migrate();

        assertThat(timings).containsOnlyKeys("V1__Create_accounts.sql", "V2__Add_iban.sql",
                "db.migration.V3__Backfill_ibans", "R__Account_view.sql");
        assertThat(query(db, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'banking' "
                + "AND TABLE_NAME LIKE 'migrator%' ORDER BY TABLE_NAME"))
                .containsExactly("migrator_history", "migrator_lock", "migrator_snapshot");
        assertThat(query(db, "SELECT DISTINCT installed_by FROM \"banking\".\"migrator_history\""))
                .containsExactly("deploy-pipeline");
    }

    @Test
    void schemaMissingBeforeTheFirstRun_holdsTheMigrationsOfThatRun() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);

        Migrator.builder().target(JdbcTarget.of(db.dataSource())).schema("banking").build().migrate();

        assertThat(query(db, "SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACCOUNTS'"))
                .containsExactly("banking");
    }

    @Test
    void urlTarget_opensItsOwnConnections() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        String url = db.url();
        String user = db.user();
        String password = db.password();

        // tag::url-target[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(url, user, password))
                .build();
        // end::url-target[]

        assertThat(migrator.migrate().versionAfter()).isEqualTo("3");
        assertThat(migrator.target().toString()).startsWith("jdbc:h2:mem:").doesNotContain(password + "@");
    }

    @Test
    void badSettings_areAllReportedAtOnce_byBuild() {
        assertThatThrownBy(() -> Migrator.builder()
                .historyTable("migrator history")
                .lockTimeout(Duration.ZERO)
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The migrator is not configured right:\n"
                        + "  - target is required: call target(JdbcTarget.of(dataSource)) or target(MongoTarget.of(...))\n"
                        + "  - historyTable: 'migrator history' is not a plain identifier (letters, digits, _; at most "
                        + "63 characters)\n"
                        + "  - lockTimeout: PT0S must be positive");
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(Migrator.Builder.DEFAULT_LOCATION).isEqualTo("classpath:db/migration");
        assertThat(Migrator.Builder.DEFAULT_HISTORY_TABLE).isEqualTo("migrator_history");
        assertThat(Migrator.Builder.DEFAULT_LOCK_TIMEOUT).isEqualTo(Duration.ofMinutes(10));
    }
}
