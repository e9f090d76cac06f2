package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A constraint name PostgreSQL made up is left out of the snapshot, one the author gave is kept: the written-out check
 * agrees with the regular expression it replaced ({@code table_.*(pkey|key|fkey|check|excl)\d*}).
 */
class PostgresSnapshotNamesTest {
    private static boolean byPattern(String table, String name) {
        return name.matches(Pattern.quote(table) + "_.*(pkey|key|fkey|check|excl)\\d*");
    }

    @Test
    void generatedNamesAreRecognisedAsThePatternDid() {
        String[][] cases = {
                {"orders", "orders_pkey"}, {"orders", "orders_customer_id_fkey"}, {"orders", "orders_qty_check"},
                {"orders", "orders_qty_check1"}, {"orders", "orders_code_key12"}, {"orders", "orders_excl"},
                {"orders", "orders_pkey_x"}, {"orders", "orders_check1x"}, {"orders", "orders_"},
                {"orders", "orders_12"}, {"orders", "orderspkey"}, {"orders", "pk_orders"}, {"orders", "orders"},
                {"orders", "order_pkey"}, {"a.b", "a.b_pkey"}, {"a.b", "axb_pkey"}, {"t", "t_key"}, {"t", "t__key"},
                {"t", "t_monkey"}, {"t", "t_1"}, {"t", "t_check"}, {"t", "t_Check"},
        };
        for (String[] c : cases) {
            assertThat(PostgresSnapshot.generatedName(c[0], c[1])).as(c[1]).isEqualTo(byPattern(c[0], c[1]));
        }
        assertThat(PostgresSnapshot.generatedName("orders", "orders_pkey")).isTrue();
        assertThat(PostgresSnapshot.generatedName("orders", "orders_amount_positive")).isFalse();
    }
}
