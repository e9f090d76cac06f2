package dev.migrator.spring;

import dev.migrator.api.ConfigurationException;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrator.lock} on a real PostgreSQL (issue 22 item 3): {@code lease} migrates under a row of
 * {@code migrator_lock}; left out, the lock is the session's advisory lock and no lock table is created. Both for
 * the application's DataSource and for {@code migrator.url}.
 */
class LockPropertyPostgresIT {
    private static final String LOCK_TABLE = "SELECT COUNT(*) FROM information_schema.tables "
            + "WHERE table_schema = current_schema() AND table_name = 'migrator_lock'";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigratorAutoConfiguration.class));

    @Test
    void lease_onTheApplicationsDataSource_migratesUnderTheLockTable() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            runner.withPropertyValues(datasource(db)).withPropertyValues("migrator.locations=classpath:db/second", "migrator.lock=lease")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(db.query(LOCK_TABLE)).containsExactly(List.of("1"));
            assertThat(db.query("SELECT COUNT(*) FROM audit_log")).containsExactly(List.of("0"));
        }
    }

    @Test
    void lease_onMigratorUrl_migratesUnderTheLockTable() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:lockprop;DB_CLOSE_DELAY=-1",
                    "migrator.url=" + db.url(), "migrator.user=" + db.user(), "migrator.password=" + db.password(),
                    "migrator.locations=classpath:db/second", "migrator.lock=LEASE")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(db.query(LOCK_TABLE)).containsExactly(List.of("1"));
        }
    }

    @Test
    void session_theDefault_takesTheAdvisoryLock_andCreatesNoLockTable() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            runner.withPropertyValues(datasource(db)).withPropertyValues("migrator.locations=classpath:db/second")
                    .run(context -> assertThat(context).hasNotFailed());
            runner.withPropertyValues(datasource(db)).withPropertyValues("migrator.locations=classpath:db/second", "migrator.lock=session")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(db.query(LOCK_TABLE)).containsExactly(List.of("0"));
            assertThat(db.query("SELECT COUNT(*) FROM audit_log")).containsExactly(List.of("0"));
        }
    }

    @Test
    void theLibrarysPoolerAdvice_namesTheProperty() {
        String description = new MigratorFailureAnalyzer().analyze(new ConfigurationException("Connect migrator to "
                + "the server or to a session-mode pool, or choose the lease lock with JdbcTarget.leaseLock()"))
                .getDescription();

        assertThat(description).endsWith("choose the lease lock with migrator.lock=lease");
    }

    private static String[] datasource(TestDatabase db) {
        return new String[] {"spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password()};
    }
}
