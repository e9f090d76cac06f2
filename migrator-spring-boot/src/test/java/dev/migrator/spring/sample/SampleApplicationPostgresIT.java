package dev.migrator.spring.sample;

import dev.migrator.core.Migrator;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on a real PostgreSQL: JPA (ddl-auto=validate) starts because the schema was migrated first,
 *; a second start finds nothing to do.
 */
class SampleApplicationPostgresIT {

    @Test
    void jpaValidate_startsOnTheMigratedSchema_andASecondStartChangesNothing() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            String[] properties = {
                    "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + db.password(),
                    "spring.jpa.hibernate.ddl-auto=validate",
                    "spring.main.banner-mode=off"};
            for (int start = 1; start <= 2; start++) {
                try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                        .web(WebApplicationType.NONE).properties(properties).run()) {
                    assertThat(context.getBean(CustomerRepository.class).findAll()).extracting(Customer::getName)
                            .containsExactly("Ada");
                    assertThat(context.getBean(Migrator.class).info()).hasSize(3);
                }
            }
            assertThat(db.query("SELECT COUNT(*) FROM migrator_history")).containsExactly(java.util.List.of("3"));
        }
    }
}
