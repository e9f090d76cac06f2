package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catalog results kept as text and read back as they were, nulls and every escaped character included. */
class CatalogRowsTest {

    @Test
    void aWrittenText_readsBackEveryValue_andRowsReadAsJdbcRowsDo() {
        String hostile = "BEGIN\n\tSET x = 'a\\\\b';\r\nEND \\N | # é€";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"orders", null, "0", hostile});
        rows.add(new String[]{"", "#not a header", "1", "|"});
        StringBuilder text = new StringBuilder();
        CatalogRows.write(text, "indexes", new CatalogRows.Result(new String[]{"TABLE_NAME", "EXPRESSION",
            "NON_UNIQUE", "BODY"}, rows));
        CatalogRows.write(text, "sequence a\tb", new CatalogRows.Result(new String[]{"x"}, List.of()));

        Map<String, CatalogRows.Result> read = CatalogRows.parse(text.toString());

        assertThat(read).containsOnlyKeys("indexes", "sequence a\tb");
        assertThat(read.get("indexes").rows()).containsExactly(rows.get(0), rows.get(1));
        List<String> seen = new ArrayList<>();
        CatalogRows.each(read.get("indexes"), r -> {
            assertThat(r.has("expression")).isTrue();
            assertThat(r.has("COLLATION")).isFalse();
            seen.add(r.getString("table_name") + "/" + r.getInt("NON_UNIQUE") + "/" + r.getString(2));
        });
        assertThat(seen).containsExactly("orders/0/null", "/1/#not a header");
        assertThat(read.get("sequence a\tb").rows()).isEmpty();
    }

    @Test
    void aDamagedText_failsNamingTheLine() {
        assertThatThrownBy(() -> CatalogRows.parse("#t\ta\tb\n|1\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CatalogRows.parse("|1\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CatalogRows.parse("#t\ta\n|1")).hasMessageContaining("ends inside line 2");
    }
}
