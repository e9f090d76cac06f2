package dev.migrator.spring.boot4;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.sql.Statement;

/** The sample application of migrator-spring-boot, on Spring Boot 4: JPA with ddl-auto=validate, a Java migration bean. */
@SpringBootApplication
public class Boot4Application {

    @Bean
    JdbcMigration seedCustomers() {
        return new V2__Seed_customers();
    }

    static final class V2__Seed_customers implements JdbcMigration {
        @Override
        public void up(JdbcContext ctx) throws Exception {
            try (Statement s = ctx.connection().createStatement()) {
                s.executeUpdate("INSERT INTO customers (id, name) VALUES (1, 'Ada')");
            }
        }
    }
}
