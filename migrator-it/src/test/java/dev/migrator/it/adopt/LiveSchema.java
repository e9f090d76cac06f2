package dev.migrator.it.adopt;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables and columns of a PostgreSQL or MariaDB test database, read from its metadata: what the adoption ITs
 * compare before and after (shared here rather than one IT calling into another).
 */
final class LiveSchema {
    private LiveSchema() {
    }

    /** Every column but those of migrator's history table, as "table.column TYPE", sorted. */
    static List<String> columns(TestDatabase db) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getColumns(catalog(db), schema(db), "%", "%")) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equalsIgnoreCase("migrator_history")) {
                    out.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " "
                            + rs.getString("TYPE_NAME"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }

    /** The column names of one table, lower-cased. */
    static List<String> columns(TestDatabase db, String table) {
        return columns(db).stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(table + "."))
                .map(c -> c.substring(table.length() + 1, c.indexOf(' ')).toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The table names, lower-cased. */
    static List<String> tableNames(TestDatabase db) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getTables(catalog(db), schema(db), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String catalog(TestDatabase db) {
        return db.kind() == DatabaseKind.MARIADB ? db.name() : null;
    }

    private static String schema(TestDatabase db) {
        return db.kind() == DatabaseKind.POSTGRESQL ? "public" : null;
    }
}
