package dev.migrator.jdbc.internal;

import dev.migrator.api.TargetException;
import dev.migrator.api.spi.ForeignTable;
import dev.migrator.api.internal.Secrets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads another tool's history table for adoption. The name is looked up through the driver's metadata and matched
 * ignoring case, because each tool and database folds it differently (Liquibase's unquoted {@code DATABASECHANGELOG}
 * is lower case on PostgreSQL, upper case on MariaDB; Sequelize quotes {@code SequelizeMeta}); the table found is
 * then read by its real, quoted name. Reads only.
 */
final class ForeignTableReader {

    private ForeignTableReader() {
    }

    static ForeignTable read(Connection c, JdbcDialect dialect, String sessionSchema, String table, String where) {
        String schema = sessionSchema;
        String name = table;
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            name = table.substring(dot + 1);
        }
        try {
            String found = find(c, dialect, schema, name);
            if (found == null) {
                return null;
            }
            List<ForeignTable.Row> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.qualify(schema, found))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = value(rs, i);
                        if (v != null) {
                            values.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), v);
                        }
                    }
                    rows.add(new ForeignTable.Row(values));
                }
            }
            return new ForeignTable(found, rows);
        } catch (SQLException e) {
            throw new TargetException("Cannot read the table " + table + " on " + where + ": "
                    + Secrets.mask(e.getMessage()) + ". Check that the migrator user may read it", e);
        }
    }

    private static String find(Connection c, JdbcDialect dialect, String schema, String name) throws SQLException {
        String caseInsensitive = null;
        try (ResultSet rs = c.getMetaData().getTables(dialect.catalogFor(c, schema), dialect.schemaFor(schema), "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (t.equals(name)) {
                    return t;
                }
                if (t.equalsIgnoreCase(name) && caseInsensitive == null) {
                    caseInsensitive = t;
                }
            }
        }
        return caseInsensitive;
    }

    private static Object value(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof java.sql.Date d) {
            return Instant.ofEpochMilli(d.getTime());
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return rs.getString(column);
    }
}
