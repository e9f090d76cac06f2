package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.NameParts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "V1__Init|V|1|Init",
            "V2_1__Add_email|V|2.1|Add email",
            "V2.1.3__Add_email_index|V|2.1.3|Add email index",
            "U2_1__Add_email|U|2.1|Add email",
            "R__Refresh_views|R|null|Refresh views",
            "V20261124__Two__underscores|V|20261124|Two  underscores"})
    void validNames_giveTheirParts(String name, String prefix, String version, String description) {
        NameParts parsed = NameParts.parse(name);
        assertThat(parsed.prefix()).isEqualTo(prefix);
        assertThat(parsed.version()).isEqualTo(version);
        assertThat(parsed.description()).isEqualTo(description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V__x", "Vabc__x", "V1_x", "V1__", "X1__x", "R1__x", "V1.__x", "init"})
    void malformedNames_areRefusedWithWhatAGoodOneLooksLike(String name) {
        assertThatThrownBy(() -> NameParts.parse(name)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + name + "'");
    }
}
