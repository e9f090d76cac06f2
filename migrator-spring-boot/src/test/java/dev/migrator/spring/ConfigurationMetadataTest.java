package dev.migrator.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written configuration metadata (what IDEs complete) lists exactly the properties that bind. */
class ConfigurationMetadataTest {

    @Test
    void everyBoundProperty_isInTheMetadata_andNothingElse() throws Exception {
        Set<String> bound = new TreeSet<>();
        for (PropertyDescriptor d : Introspector.getBeanInfo(MigratorProperties.class, Object.class)
                .getPropertyDescriptors()) {
            bound.add("migrator." + d.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        }
        Set<String> documented = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                documented.add(p.get("name").asText());
                assertThat(p.get("description").asText()).as(p.get("name").asText()).isNotBlank();
            }
        }
        assertThat(documented).isEqualTo(bound);
    }
}
