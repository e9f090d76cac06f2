package dev.migrator.spring;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The auto-configuration in small contexts (no server): properties, beans it picks up, and loud failures. */
class MigratorAutoConfigurationTest {
    private static final AtomicInteger DB = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigratorMetricsAutoConfiguration.class, MigratorAutoConfiguration.class,
                    MigratorActuatorAutoConfiguration.class));

    private static String h2() {
        return "spring.datasource.url=jdbc:h2:mem:auto" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void properties_reachTheBuilder() {
        runner.withPropertyValues(h2(), "migrator.locations=classpath:db/placeholders",
                        "migrator.history-table=app_history", "migrator.placeholders.table=orders",
                        "migrator.installed-by=ci-job", "migrator.lock-timeout=30s", "migrator.ddl-lock-timeout=3s",
                        "migrator.statement-timeout=1m", "migrator.ddl-retries=2", "migrator.lint=warn")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isZero();
                    assertThat(jdbc.queryForList("SELECT installed_by FROM \"app_history\"", String.class))
                            .containsOnly("ci-job");
                });
    }

    @Test
    void customizersListenersAndJavaMigrationBeans_areApplied() {
        runner.withPropertyValues(h2()).withUserConfiguration(Hooks.class).run(context -> {
            assertThat(context).hasNotFailed();
            Hooks hooks = context.getBean(Hooks.class);
            assertThat(hooks.customized).hasValue(1);
            assertThat(hooks.applied).containsExactly("1", "2", "3");
            assertThat(context.getBean(Migrator.class).info()).extracting(MigrationStatus::description)
                    .contains("Seed from a bean");
        });
    }

    @Test
    void aMigratorDataSource_isMigratedInsteadOfThePrimaryOne() {
        runner.withUserConfiguration(TwoDataSources.class).withPropertyValues("migrator.locations=classpath:db/second")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigratorTarget.class).name()).isEqualTo("auditDataSource");
                    JdbcTemplate audit = new JdbcTemplate(context.getBean("auditDataSource", DataSource.class));
                    assertThat(audit.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class)).isZero();
                });
    }

    @Test
    void migratorUrl_isMigratedInsteadOfTheApplicationsDataSource() {
        runner.withPropertyValues(h2(), "migrator.url=jdbc:h2:mem:own" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "migrator.user=sa", "migrator.locations=classpath:db/second").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MigratorTarget.class).name()).isEqualTo("migrator.url");
        });
    }

    /**
     * Testcontainers' {@code @ServiceConnection} and Docker Compose support both hand Spring Boot a
     * {@code JdbcConnectionDetails} bean, from which it builds the DataSource: migrator migrates that database, with
     * no {@code spring.datasource.url} and nothing of its own to configure. (This machine has no Docker engine; the
     * bean stands in for the one those modules register.)
     */
    @Test
    void connectionDetails_asServiceConnectionAndDockerComposeRegisterThem_areMigrated() {
        String url = "jdbc:h2:mem:details" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        runner.withBean(org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails.class,
                () -> new org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails() {
                    @Override
                    public String getUsername() {
                        return "sa";
                    }

                    @Override
                    public String getPassword() {
                        return "";
                    }

                    @Override
                    public String getJdbcUrl() {
                        return url;
                    }
                }).run(context -> {
                    assertThat(context).hasNotFailed();
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                         java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM customers")) {
                        assertThat(rs.next()).isTrue();
                    }
                    assertThat(context.getBean(Migrator.class).info()).extracting(MigrationStatus::state)
                            .containsOnly(MigrationState.APPLIED);
                });
    }

    @Test
    void withoutADataSource_startupFailsNamingTheModuleToAdd() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("no DataSource bean")
                        .hasMessageContaining("spring-boot-starter-jdbc")
                        .hasMessageContaining("migrator.enabled=false"));
    }

    @Test
    void disabledNextToJpaValidate_failsNamingTheFix_unlessMigratedExternally() {
        runner.withPropertyValues(h2(), "migrator.enabled=false", "spring.jpa.hibernate.ddl-auto=validate")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("migrator.migrated-externally=true"));
        runner.withPropertyValues(h2(), "migrator.enabled=false", "spring.jpa.hibernate.ddl-auto=validate",
                "migrator.migrated-externally=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Migrator.class);
        });
    }

    /**
     * A Flyway application switches with one property: {@code migrator.adopt-on-migrate=flyway} adopts what Flyway
     * applied (checked against Flyway's own checksum of each script) and runs only what is new; without it, the first
     * start would run V1 again on a schema that has it.
     */
    @Test
    void adoptOnMigrate_takesOverFlywaysHistoryOnTheFirstStart() throws Exception {
        String url = "jdbc:h2:mem:flyway" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        String v1 = new String(getClass().getResourceAsStream("/db/adopt/V1__Create_accounts.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute(v1);
            st.execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT PRIMARY KEY, "
                    + "\"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, "
                    + "\"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, "
                    + "\"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, \"execution_time\" INT NOT NULL, "
                    + "\"success\" BOOLEAN NOT NULL)");
            st.execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '1', 'Create accounts', 'SQL', "
                    + "'V1__Create_accounts.sql', " + flywayChecksum(v1) + ", 'app', CURRENT_TIMESTAMP, 12, TRUE)");
        }
        runner.withPropertyValues("spring.datasource.url=" + url, "migrator.locations=classpath:db/adopt")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spring.datasource.url=" + url, "migrator.locations=classpath:db/adopt",
                        "migrator.adopt-on-migrate=flyway")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrator.class).info())
                            .extracting(MigrationStatus::version, MigrationStatus::state)
                            .containsExactly(tuple("1", MigrationState.ADOPTED), tuple("2", MigrationState.APPLIED));
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT COUNT(iban) FROM accounts", Integer.class)).isZero();
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class))
                            .isEqualTo(1);
                });
    }

    /** Flyway's checksum: a CRC-32 of the script's lines, without their terminators. */
    private static int flywayChecksum(String script) {
        CRC32 crc = new CRC32();
        for (String line : script.split("\r?\n|\r")) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /** Boot's spring.sql.init scripts run after the migrations, so a data.sql can seed the tables they create. */
    @Test
    void sqlInitScripts_runAfterTheMigrations() {
        runner.withConfiguration(AutoConfigurations.of(SqlInitializationAutoConfiguration.class))
                .withPropertyValues(h2(), "spring.sql.init.mode=always",
                        "spring.sql.init.data-locations=classpath:db/seed/data.sql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                            .queryForList("SELECT name FROM customers", String.class))
                            .containsExactly("Seeded by data.sql");
                    // Not by chance of bean order: Boot's detectors make the script initializer (as R2DBC's, found
                    // by the same kind of detector) depend on migrator's.
                    assertThat(context.getBeanFactory().getBeanDefinition("dataSourceScriptDatabaseInitializer")
                            .getDependsOn()).contains("migratorInitializer");
                });
    }

    @Test
    void health_isDownWithTheReason_whenValidationFails() {
        runner.withPropertyValues(h2()).run(context -> {
            assertThat(context).hasNotFailed();
            MigratorHealthIndicator indicator = context.getBean(MigratorHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            new JdbcTemplate(context.getBean(DataSource.class))
                    .update("UPDATE \"migrator_history\" SET checksum = 'v1:edited' WHERE version = '1'");
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("reason").toString()).contains("Validation");
            assertThat(context.getBean(Migrator.class).info()).extracting(MigrationStatus::state)
                    .doesNotContain(MigrationState.PENDING);
        });
    }

    @Test
    void runtimeHints_coverClasspathScriptsAndJavaMigrations() {
        RuntimeHints hints = new RuntimeHints();
        new MigratorRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__Create_customers.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/sub/V9__x.sql")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(db.migration.V3__Touch_customers.class)).accepts(hints);
    }

    @Configuration(proxyBeanMethods = false)
    static class Hooks {
        final AtomicInteger customized = new AtomicInteger();
        final List<String> applied = new ArrayList<>();

        @Bean
        MigratorCustomizer countingCustomizer() {
            return builder -> customized.incrementAndGet();
        }

        @Bean
        MigrationListener recordingListener() {
            return new MigrationListener() {
                @Override
                public void afterMigration(MigrationEvent event) {
                    applied.add(event.version());
                }
            };
        }

        @Bean
        dev.migrator.jdbc.JdbcMigration seed() {
            return new V2__Seed_from_a_bean();
        }
    }

    static final class V2__Seed_from_a_bean implements dev.migrator.jdbc.JdbcMigration {
        @Override
        public void up(dev.migrator.jdbc.JdbcContext ctx) throws Exception {
            try (var s = ctx.connection().createStatement()) {
                s.executeUpdate("INSERT INTO customers (id, name) VALUES (7, 'Grace')");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        @Primary
        DataSource appDataSource() {
            return DataSourceBuilder.create().url("jdbc:h2:mem:app" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                    .username("sa").build();
        }

        @Bean
        @MigratorDataSource
        DataSource auditDataSource() {
            return DataSourceBuilder.create().url("jdbc:h2:mem:audit" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                    .username("sa").build();
        }
    }
}
