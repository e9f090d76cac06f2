package dev.migrator.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(Map.of("tenant", "acme", "schema", "app"));

    @Test
    void knownNamesAreReplaced_everywhere() {
        assertThat(placeholders.replace("CREATE TABLE ${schema}.${tenant}_orders (note TEXT DEFAULT '${tenant}');"))
                .isEqualTo("CREATE TABLE app.acme_orders (note TEXT DEFAULT 'acme');");
    }

    @Test
    void unknownNamesAreReported_withTheirLine() {
        assertThat(placeholders.unknown("SELECT 1;\nSELECT '${tenant}', '${region}';\n-- ${other}").listed())
                .containsExactly("line 2: ${region}", "line 3: ${other}");
    }

    @Test
    void dollarQuotesAndUnclosedBraces_areLeftAlone() {
        String body = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; -- ${ unclosed";
        assertThat(placeholders.unknown(body).isEmpty()).isTrue();
        assertThat(placeholders.replace(body)).isEqualTo(body);
    }

    @Test
    void disabled_leavesEverythingAsWritten_andReportsNothing() {
        Placeholders off = new Placeholders(Map.of("tenant", "acme"), false);
        String script = "SELECT '${tenant}', '${unknown}';";
        assertThat(off.unknown(script).isEmpty()).isTrue();
        assertThat(off.replace(script)).isEqualTo(script);
    }
}
