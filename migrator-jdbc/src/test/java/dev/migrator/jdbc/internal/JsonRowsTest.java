package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog text PostgreSQL's json_agg writes, read back by position. */
class JsonRowsTest {

    @Test
    void readsEachQuerysRows_byPosition_withRepeatedKeys_nullsNumbersAndBooleans() {
        List<List<String[]>> sets = JsonRows.parse("[[{\"relname\":\"orders\",\"relkind\":\"r\",\"relname\":null},"
                + " {\"relname\":\"seq\",\"relkind\":\"S\",\"relname\":1000}], null, [],"
                + "[{\"a\":true,\"b\":false,\"c\":-9223372036854775808}]]");

        assertThat(sets).hasSize(4);
        assertThat(sets.get(0)).containsExactly(new String[]{"orders", "r", null}, new String[]{"seq", "S", "1000"});
        assertThat(sets.get(1)).isEmpty();
        assertThat(sets.get(2)).isEmpty();
        assertThat(sets.get(3)).containsExactly(new String[]{"true", "false", "-9223372036854775808"});
    }

    @Test
    void unescapesWhatJsonEscapes_andKeepsTheRestAsWritten() {
        String body = "BEGIN\\n\\tNEW.note := 'a \\\"quoted\\\" \\\\ path/\\/x';\\r\\u0001\\b\\f END; é €";
        List<List<String[]>> sets = JsonRows.parse("[[{\"prosrc\":\"" + body + "\"}]]");

        assertThat(sets.get(0).get(0)[0])
                .isEqualTo("BEGIN\n\tNEW.note := 'a \"quoted\" \\ path//x';\r\u0001\b\f END; é €");
    }

    @Test
    void anEmptyArrayOfSets_andEmptyRows_areRead() {
        assertThat(JsonRows.parse(" [ ] ")).isEmpty();
        assertThat(JsonRows.parse("[[{}]]").get(0)).containsExactly(new String[0]);
    }

    @Test
    void textOfAnotherShape_failsSayingWhere() {
        assertThatThrownBy(() -> JsonRows.parse("[[{\"a\":[1]}]]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at offset 7")
                .hasMessageContaining("nested value");
        assertThatThrownBy(() -> JsonRows.parse("[[{\"a\":\"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> JsonRows.parse("[null] x")).hasMessageContaining("text after the end");
        assertThatThrownBy(() -> JsonRows.parse("[[{\"a\":\"\\u00")).hasMessageContaining("\\u escape ends early");
        assertThatThrownBy(() -> JsonRows.parse("[")).hasMessageContaining("ends early");
    }
}
