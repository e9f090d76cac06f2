package dev.migrator.spring.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on Spring Boot 3.5 and H2, in a real embedded server on a random port: JPA validates the
 * schema that migrator migrated first, and the actuator answers over HTTP.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.application.name=sample",
        "management.endpoints.web.exposure.include=health,migrator,prometheus",
        "management.endpoint.health.show-details=always"})
class SampleApplicationTest {
    @LocalServerPort
    int port;
    @Autowired
    CustomerRepository customers;
    @Autowired
    SampleApplication.CustomerCounter counter;

    @Test
    void jpaValidatesTheMigratedSchema_andJdbcUsersStartAfterTheMigrations() {
        assertThat(customers.findAll()).extracting(Customer::getName).containsExactly("Ada");
        assertThat(counter.atStartup).isEqualTo(1);
    }

    @Test
    void theActuatorEndpoint_listsTheMigrationsOfTheDataSource() throws Exception {
        String body = get("/actuator/migrator");
        assertThat(body).contains("\"dataSources\":{\"dataSource\":{\"migrations\":[")
                .contains("\"version\":\"1\",\"description\":\"Create customers\",\"type\":\"SQL\",\"state\":\"APPLIED\"")
                .contains("\"version\":\"2\",\"description\":\"Seed customers\",\"type\":\"JAVA\"")
                .contains("\"version\":\"3\"");
    }

    @Test
    void theHealthContributor_isUpWithTheVersion() throws Exception {
        assertThat(get("/actuator/health")).contains("\"migrator\":{\"status\":\"UP\",\"details\":{\"version\":\"3\"");
    }

    @Test
    void prometheus_exposesTheMigrationTimers() throws Exception {
        assertThat(get("/actuator/prometheus"))
                .containsPattern("migrator_migration_seconds_count\\{[^}]*action=\"APPLY\"[^}]*version=\"2\"[^}]*} 1")
                .containsPattern("migrator_version\\{[^}]*version=\"3\"[^}]*} 1");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
