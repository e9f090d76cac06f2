package dev.migrator.spring.boot4;

import dev.migrator.spring.MigratorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migrator-spring-boot (compiled against Boot 3.5) in a Spring Boot 4 application: JPA validates the migrated schema,
 * and the endpoint and the Boot 4 health contributor answer over HTTP in a real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:boot4;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate",
        "management.endpoints.web.exposure.include=health,migrator",
        "management.endpoint.health.show-details=always"})
class Boot4ApplicationTest {
    @LocalServerPort
    int port;
    @Autowired
    Customers customers;

    @Test
    void jpaValidatesTheMigratedSchema() {
        assertThat(customers.findAll()).extracting(Customer::getName).containsExactly("Ada");
    }

    @Test
    void theEndpointAndTheHealthContributor_answerOverHttp() throws Exception {
        assertThat(get("/actuator/migrator")).contains("\"dataSources\":{\"dataSource\":{\"migrations\":[")
                .contains("\"description\":\"Seed customers\",\"type\":\"JAVA\",\"state\":\"APPLIED\"");
        assertThat(get("/actuator/health")).contains("\"migrator\":{\"details\":{\"version\":\"2\",\"pending\":0},\"status\":\"UP\"}");
    }

    @Test
    void withoutADataSource_startupFailsNamingTheModuleToAdd() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("spring-boot-jdbc module"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
