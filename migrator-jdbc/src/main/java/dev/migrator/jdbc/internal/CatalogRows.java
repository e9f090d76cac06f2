package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.TabText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of catalog queries kept as text, so that a drift snapshot can store what the catalog said and build its
 * model only when a check compares ({@link MySqlSnapshot}). Every value is kept as {@code getString} gave it.
 *
 * <p>The text: a line {@code #name<TAB>label...} opens each result, a line {@code |value<TAB>value...} holds a row;
 * values are escaped as {@link TabText} says, and {@code \N} is null.
 */
final class CatalogRows {
    private CatalogRows() {
    }

    /** One query's result: its column labels and its rows. */
    record Result(String[] labels, List<String[]> rows) {
    }

    /** One row, read as a JDBC result set row is: by column number from 1, or by label ignoring case. */
    static final class Row {
        private final String[] labels;
        private final String[] values;

        Row(String[] labels, String[] values) {
            this.labels = labels;
            this.values = values;
        }

        String getString(int column) {
            return values[column - 1];
        }

        String getString(String label) {
            int i = indexOf(label);
            if (i < 0) {
                throw new IllegalStateException("The catalog result has no column " + label);
            }
            return values[i];
        }

        /** A number column; 0 for null, as {@code ResultSet.getInt} gives. */
        int getInt(int column) {
            return number(getString(column));
        }

        int getInt(String label) {
            return number(getString(label));
        }

        private static int number(String value) {
            return value == null ? 0 : Integer.parseInt(value.trim());
        }

        /** Whether the result has the column (catalog views differ between MySQL and MariaDB). */
        boolean has(String label) {
            return indexOf(label) >= 0;
        }

        private int indexOf(String label) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equalsIgnoreCase(label)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Runs a catalog query with string parameters and keeps its result. */
    static Result read(Connection c, String sql, List<String> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                String[] labels = new String[md.getColumnCount()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = md.getColumnLabel(i + 1);
                }
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[labels.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
                return new Result(labels, rows);
            }
        }
    }

    /** Hands each row of a result over. */
    static void each(Result result, java.util.function.Consumer<Row> handler) {
        for (String[] values : result.rows()) {
            handler.accept(new Row(result.labels(), values));
        }
    }

    /** The result of that name in a parsed text; a text without it is not one this release wrote. */
    static Result result(Map<String, Result> results, String name) {
        Result result = results.get(name);
        if (result == null) {
            throw new IllegalStateException("The catalog text has no result '" + name + "'");
        }
        return result;
    }

    /** Appends a named result to the text. */
    static void write(StringBuilder out, String name, Result result) {
        out.append('#');
        escape(out, name);
        for (String label : result.labels()) {
            out.append('\t');
            escape(out, label);
        }
        out.append('\n');
        for (String[] row : result.rows()) {
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                escape(out, row[i]);
            }
            out.append('\n');
        }
    }

    /** The named results of a text {@link #write} made, in their order. */
    static Map<String, Result> parse(String text) {
        Map<String, Result> results = new LinkedHashMap<>();
        Result current = null;
        int lineNo = 0;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new IllegalStateException("The catalog text ends inside line " + (lineNo + 1));
            }
            lineNo++;
            char kind = text.charAt(start);
            List<String> fields = fields(text, start + 1, end);
            if (kind == '#') {
                current = new Result(fields.subList(1, fields.size()).toArray(new String[0]), new ArrayList<>());
                results.put(fields.get(0), current);
            } else if (kind == '|' && current != null && fields.size() == current.labels().length) {
                current.rows().add(fields.toArray(new String[0]));
            } else {
                throw new IllegalStateException("The catalog text's line " + lineNo + " is not a result's header or "
                        + "one of its rows");
            }
            start = end + 1;
        }
        return results;
    }

    private static List<String> fields(String text, int from, int end) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean isNull = false;
        for (int i = from; i <= end; i++) {
            char c = i == end ? '\t' : text.charAt(i);
            if (c == '\t') {
                fields.add(isNull ? null : field.toString());
                field.setLength(0);
                isNull = false;
            } else if (c == '\\' && i + 1 < end) {
                char e = text.charAt(++i);
                switch (e) {
                    case 't' -> field.append('\t');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case 'N' -> isNull = true;
                    default -> field.append(e);
                }
            } else {
                field.append(c);
            }
        }
        return fields;
    }

    private static void escape(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
        } else {
            TabText.escape(out, value);
        }
    }
}
