package dev.migrator.api.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Another tool's history table as read through a target ({@code flyway_schema_history}, {@code DATABASECHANGELOG},
 * ...), for adopting it. Read only: migrator never writes another tool's table.
 *
 * @param name the table as found in the database (its real case)
 * @param rows every row, in the order the database returned them (callers sort by the tool's own order column)
 */
public record ForeignTable(String name, List<Row> rows) {

    public ForeignTable {
        rows = List.copyOf(rows);
    }

    /**
     * One row: column values by lower-case column name. Text as {@code String}, numbers as {@code Number}, booleans
     * as {@code Boolean}, times as {@code Instant}; SQL NULL is absent.
     */
    public record Row(Map<String, Object> values) {

        public Row {
            values = Map.copyOf(values);
        }

        /** Whether the column exists and is not NULL. */
        public boolean has(String column) {
            return values.containsKey(column.toLowerCase(Locale.ROOT));
        }

        /** The value as text, or null. */
        public String text(String column) {
            Object v = values.get(column.toLowerCase(Locale.ROOT));
            if (v instanceof BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            return v == null ? null : v.toString();
        }

        /** The value as a whole number, or null (a boolean is 1 or 0, as MySQL stores it). */
        public Long number(String column) {
            Object v = values.get(column.toLowerCase(Locale.ROOT));
            if (v instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (v instanceof Number n) {
                return n.longValue();
            }
            return v == null ? null : Long.valueOf(v.toString().trim());
        }

        /** The value as a boolean, or null: {@code true}/{@code false}, or a number (0 is false). */
        public Boolean bool(String column) {
            Object v = values.get(column.toLowerCase(Locale.ROOT));
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof Number n) {
                return n.longValue() != 0;
            }
            return v == null ? null : Boolean.valueOf(v.toString().trim()) || "1".equals(v.toString().trim());
        }

        /** The value as a time, or null. */
        public Instant time(String column) {
            Object v = values.get(column.toLowerCase(Locale.ROOT));
            return v instanceof Instant i ? i : null;
        }
    }
}
