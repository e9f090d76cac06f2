package dev.migrator.spring.sample;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Statement;

/**
 * A Spring Boot application as users write one: JPA with ddl-auto=validate, a JdbcTemplate user that reads the
 * schema while the context starts, and a Java migration that is a bean.
 */
@SpringBootApplication
public class SampleApplication {

    /** A Java migration declared as a bean: the starter passes it to Migrator.Builder.migrations(...). */
    @Bean
    JdbcMigration seedCustomers() {
        return new V2__Seed_customers();
    }

    /** Version and description come from the class name. */
    static final class V2__Seed_customers implements JdbcMigration {
        @Override
        public void up(JdbcContext ctx) throws Exception {
            try (Statement s = ctx.connection().createStatement()) {
                s.executeUpdate("INSERT INTO customers (id, name) VALUES (1, 'Ada')");
            }
        }
    }

    /** Reads the migrated table in its constructor: it starts only if the migrations ran first. */
    @Component
    static class CustomerCounter {
        final long atStartup;

        CustomerCounter(JdbcTemplate jdbc) {
            this.atStartup = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        }
    }
}
