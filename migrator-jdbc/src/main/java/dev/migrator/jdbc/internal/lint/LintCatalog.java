package dev.migrator.jdbc.internal.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the linter knows of the schema before the pending scripts run: which tables exist and about how many rows
 * each holds, the type of each column, and (PostgreSQL) which columns a validated {@code CHECK (c IS NOT NULL)}
 * covers. Offline it knows nothing, and the rules flag what they cannot rule out. Names are compared in lower case.
 */
final class LintCatalog {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)\\(*\\s*\"?([A-Za-z0-9_$]+)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*");

    private final boolean online;
    private final Map<String, Long> rows;
    private final Map<String, String> columnTypes;
    private final Set<String> notNullChecks;

    private LintCatalog(boolean online, Map<String, Long> rows, Map<String, String> columnTypes,
                        Set<String> notNullChecks) {
        this.online = online;
        this.rows = rows;
        this.columnTypes = columnTypes;
        this.notNullChecks = notNullChecks;
    }

    /** Knows nothing: every table may exist and be large. */
    static LintCatalog offline() {
        return new LintCatalog(false, Map.of(), Map.of(), Set.of());
    }

    /** For tests: a catalog of the tables given, with their row estimates. */
    static LintCatalog of(Map<String, Long> rows, Map<String, String> columnTypes, Set<String> notNullChecks) {
        return new LintCatalog(true, lower(rows), lower(columnTypes), Set.copyOf(notNullChecks));
    }

    /** Reads the tables of the connection's current schema (PostgreSQL: its search path). */
    static LintCatalog read(Connection c, LintServer server) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> checks = new HashSet<>();
        switch (server.kind()) {
            case POSTGRESQL -> {
                String inPath = " join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(current_schemas(false))";
                // A table never analyzed has reltuples -1; its size on disk (about 50 narrow rows a page) still tells small
                // from large.
                query(c, "select c.relname, case when c.reltuples < 0 then pg_relation_size(c.oid) / 8192 * 50"
                        + " else c.reltuples::bigint end from pg_class c" + inPath
                        + " and c.relkind in ('r', 'p', 'm')", r -> rows.put(key(r.getString(1)), r.getLong(2)));
                query(c, "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a"
                        + " join pg_class c on c.oid = a.attrelid" + inPath
                        + " and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped",
                        r -> types.put(key(r.getString(1) + "." + r.getString(2)), r.getString(3).toLowerCase(Locale.ROOT)));
                query(c, "select c.relname, pg_get_constraintdef(k.oid) from pg_constraint k"
                        + " join pg_class c on c.oid = k.conrelid" + inPath
                        + " and k.contype = 'c' and k.convalidated", r -> {
                            Matcher m = NOT_NULL_CHECK.matcher(r.getString(2));
                            if (m.find()) {
                                checks.add(key(r.getString(1) + "." + m.group(1)));
                            }
                        });
            }
            case MYSQL, MARIADB -> {
                query(c, "select table_name, table_rows from information_schema.tables where table_schema = database()"
                        + " and table_type = 'BASE TABLE'", r -> rows.put(key(r.getString(1)), r.getLong(2)));
                query(c, "select table_name, column_name, column_type from information_schema.columns"
                        + " where table_schema = database()",
                        r -> types.put(key(r.getString(1) + "." + r.getString(2)), r.getString(3).toLowerCase(Locale.ROOT)));
            }
            case OTHER -> {
                try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                    while (r.next()) {
                        rows.put(key(r.getString("TABLE_NAME")), -1L);
                    }
                }
            }
        }
        return new LintCatalog(true, rows, types, checks);
    }

    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.accept(r);
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static <V> Map<String, V> lower(Map<String, V> map) {
        Map<String, V> out = new HashMap<>();
        map.forEach((k, v) -> out.put(key(k), v));
        return out;
    }

    boolean online() {
        return online;
    }

    /** Whether the table exists; offline, whether it may. */
    boolean mayExist(String table) {
        return !online || rows.containsKey(key(table));
    }

    /** The estimated number of rows, or -1 when unknown (offline, or a table never analyzed). */
    long rows(String table) {
        Long n = rows.get(key(table));
        return n == null ? -1 : n;
    }

    /** The column's type as the catalog writes it ({@code character varying(40)}, {@code varchar(40)}), or null. */
    String columnType(String table, String column) {
        return columnTypes.get(key(table + "." + column));
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} exists on the table. */
    boolean hasNotNullCheck(String table, String column) {
        return notNullChecks.contains(key(table + "." + column));
    }
}
