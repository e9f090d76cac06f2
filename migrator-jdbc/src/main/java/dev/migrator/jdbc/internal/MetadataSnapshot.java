package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A schema snapshot from {@link DatabaseMetaData}, which every driver offers: tables, views, columns, primary keys,
 * indexes and foreign keys. The dialects that know their catalog ({@link H2Snapshot}, {@link PostgresSnapshot},
 * {@link MySqlSnapshot}) read more, faster, and build their objects with the helpers here, so that every snapshot
 * names things alike:
 * <ul>
 * <li>{@code table t}; {@code column t.c} (type with its size, nullable, default); {@code view v} (definition);
 * {@code sequence s}; {@code index i} ({@code on t(c1, c2)}, unique);</li>
 * <li>constraints by what they do, not by their name, because the database generates the name when the author gave
 * none, and a generated name differs from run to run: {@code primary key t}, {@code unique t(c)},
 * {@code foreign key t(c) -> r(id)}, {@code check t: (qty > 0)}. A name the author gave is kept as the {@code name}
 * attribute, since later migrations drop constraints by name.</li>
 * </ul>
 */
final class MetadataSnapshot {
    /** Names the databases make up for unnamed constraints and indexes (Oracle, SQL Server, H2). */
    private static final Pattern GENERATED = Pattern.compile(
            "(?i)SYS_C\\d+|SYS_IL\\w+|(PK|FK|UQ|CK|DF)__\\w+__[0-9A-F]{8,}|CONSTRAINT_(INDEX_)?[0-9A-F]+");
    /**
     * A cast of a literal, as PostgreSQL prints defaults ({@code 'new'::character varying}); the cast reads differently
     * depending on how the default was set, the literal does not.
     */
    private static final Pattern LITERAL_CAST = Pattern.compile(
            "('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)(?:::(?:character varying|timestamp with(?:out)? time zone"
                    + "|time with(?:out)? time zone|double precision|bit varying|\"[^\"]+\"|[\\w.]+)"
                    + "(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[])?)+");

    private MetadataSnapshot() {
    }

    static SchemaModel capture(JdbcDialect dialect, Connection c, String catalog, String schema, Set<String> excluded)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<SchemaObject> objects = new ArrayList<>();
        // In the order the driver lists them (one metadata call each below), and as a set for the column filter: a
        // list's contains made reading the columns quadratic in the number of tables.
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[]{"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (isExcluded(excluded, name)) {
                    continue;
                }
                boolean view = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("VIEW");
                objects.add(new SchemaObject(view ? "view" : "table", name, Map.of()));
                if (!view) {
                    tables.add(name);
                }
            }
        }
        // Columns in one call; keys and indexes need a table name per the JDBC contract, so one call per table.
        try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (tables.contains(table)) {
                    objects.add(column(table, rs.getString("COLUMN_NAME"), type(rs),
                            rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rs.getString("COLUMN_DEF")));
                }
            }
        }
        for (String table : tables) {
            String primaryKeyName = primaryKey(md, catalog, schema, table, objects);
            indexes(md, catalog, schema, table, primaryKeyName, objects);
            foreignKeys(md, catalog, schema, table, objects);
        }
        return new SchemaModel(objects);
    }

    /** The type with the size that matters to it: {@code VARCHAR(200)}, {@code DECIMAL(10, 2)}, {@code INTEGER}. */
    private static String type(ResultSet rs) throws SQLException {
        String name = rs.getString("TYPE_NAME");
        switch (rs.getInt("DATA_TYPE")) {
            case Types.CHAR: case Types.VARCHAR: case Types.NCHAR: case Types.NVARCHAR: case Types.BINARY:
            case Types.VARBINARY:
                return name + "(" + rs.getString("COLUMN_SIZE") + ")";
            case Types.DECIMAL: case Types.NUMERIC:
                return name + "(" + rs.getString("COLUMN_SIZE") + ", " + rs.getString("DECIMAL_DIGITS") + ")";
            default:
                return name;
        }
    }

    private static String primaryKey(DatabaseMetaData md, String catalog, String schema, String table,
                                     List<SchemaObject> objects) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        String name = null;
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                name = rs.getString("PK_NAME");
            }
        }
        if (!columns.isEmpty()) {
            objects.add(primaryKey(table, columns.values(), isGenerated(name) ? null : name));
        }
        return name;
    }

    private static void indexes(DatabaseMetaData md, String catalog, String schema, String table,
                                String primaryKeyName, List<SchemaObject> objects) throws SQLException {
        Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null || index.equals(primaryKeyName)) {
                    continue;
                }
                String order = "D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "";
                columns.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column + order);
                unique.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        columns.forEach((index, cols) -> objects.add(index(isGenerated(index) ? null : index, table, cols.values(),
                unique.get(index), Map.of())));
    }

    private static void foreignKeys(DatabaseMetaData md, String catalog, String schema, String table,
                                    List<SchemaObject> objects) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String referenced = rs.getString("PKTABLE_NAME");
                String key = name == null ? referenced + "#" + keys.size() : name;
                ForeignKey fk = keys.get(key);
                if (fk == null) {
                    fk = new ForeignKey(name, referenced, rule(rs.getShort("DELETE_RULE")),
                            rule(rs.getShort("UPDATE_RULE")));
                    keys.put(key, fk);
                }
                fk.columns().put(rs.getInt("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"));
                fk.referenced().put(rs.getInt("KEY_SEQ"), rs.getString("PKCOLUMN_NAME"));
            }
        }
        for (ForeignKey fk : keys.values()) {
            objects.add(foreignKey(table, fk.columns().values(), fk.table(), fk.referenced().values(), fk.onDelete(),
                    fk.onUpdate(), isGenerated(fk.name()) ? null : fk.name()));
        }
    }

    /** One foreign key being read from {@link DatabaseMetaData#getImportedKeys}, a row per column. */
    private record ForeignKey(String name, String table, String onDelete, String onUpdate,
                              TreeMap<Integer, String> columns, TreeMap<Integer, String> referenced) {
        ForeignKey(String name, String table, String onDelete, String onUpdate) {
            this(name, table, onDelete, onUpdate, new TreeMap<>(), new TreeMap<>());
        }
    }

    private static String rule(short rule) {
        switch (rule) {
            case DatabaseMetaData.importedKeyCascade: return "cascade";
            case DatabaseMetaData.importedKeySetNull: return "set null";
            case DatabaseMetaData.importedKeySetDefault: return "set default";
            case DatabaseMetaData.importedKeyRestrict: return "restrict";
            default: return "no action";
        }
    }

    // --- What every snapshot builds its objects with, so that all of them read alike. ---

    /** Runs a catalog query with string parameters and hands each row over. */
    static void each(Connection c, String sql, List<String> parameters, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** What is done with one row of a catalog query. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Whether a table is one the snapshot leaves out; compared ignoring case, since H2 may upper-case names. */
    static boolean isExcluded(Set<String> excluded, String table) {
        for (String e : excluded) {
            if (e.equalsIgnoreCase(table)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a constraint or index name looks made up by the database rather than chosen by the author. */
    static boolean isGenerated(String name) {
        return name == null || GENERATED.matcher(name).matches();
    }

    static SchemaObject table(String name) {
        return new SchemaObject("table", name, Map.of());
    }

    static SchemaObject column(String table, String name, String type, boolean nullable, String defaultValue) {
        return column(table, name, type, nullable, defaultValue, Map.of());
    }

    static SchemaObject column(String table, String name, String type, boolean nullable, String defaultValue,
                               Map<String, String> more) {
        Map<String, String> a = new LinkedHashMap<>(more);
        a.put("type", type);
        a.put("nullable", nullable ? "yes" : "no");
        a.put("default", normaliseDefault(defaultValue));
        return new SchemaObject("column", table + "." + name, a);
    }

    static SchemaObject primaryKey(String table, Collection<String> columns, String name) {
        return new SchemaObject("primary key", table, named(Map.of("columns", list(columns)), name));
    }

    static SchemaObject unique(String table, Collection<String> columns, String name) {
        return new SchemaObject("unique", table + "(" + String.join(", ", columns) + ")", named(Map.of(), name));
    }

    static SchemaObject foreignKey(String table, Collection<String> columns, String referencedTable,
                                   Collection<String> referencedColumns, String onDelete, String onUpdate,
                                   String name) {
        return new SchemaObject("foreign key", table + "(" + String.join(", ", columns) + ") -> " + referencedTable
                + "(" + String.join(", ", referencedColumns) + ")",
                named(Map.of("on delete", onDelete, "on update", onUpdate), name));
    }

    static SchemaObject check(String table, String clause, String name) {
        return new SchemaObject("check", table + ": " + squeeze(clause), named(Map.of(), name));
    }

    /**
     * An index; {@code name} null when the database generated it, and the index is then named by what it covers.
     *
     * @param more further attributes, such as {@code using} or {@code where}
     */
    static SchemaObject index(String name, String table, Collection<String> columns, boolean unique,
                              Map<String, String> more) {
        String on = table + "(" + String.join(", ", columns) + ")";
        Map<String, String> a = new LinkedHashMap<>(more);
        a.put("on", on);
        a.put("unique", unique ? "yes" : "no");
        return new SchemaObject("index", name == null ? on : name, a);
    }

    static SchemaObject view(String name, String definition) {
        String d = squeeze(definition);
        // PostgreSQL ends a view's definition with a semicolon, which is not part of it.
        return new SchemaObject("view", name,
                Map.of("definition", d.endsWith(";") ? d.substring(0, d.length() - 1) : d));
    }

    static SchemaObject sequence(String name, Map<String, String> attributes) {
        return new SchemaObject("sequence", name, attributes);
    }

    private static Map<String, String> named(Map<String, String> attributes, String name) {
        if (name == null) {
            return attributes;
        }
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put("name", name);
        return a;
    }

    private static String list(Collection<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /** Runs of white space as one space, trimmed: how a definition was laid out is not part of the schema. */
    static String squeeze(String text) {
        if (text == null) {
            return null;
        }
        // Most definitions have single spaces only: then no regex at all (String.replaceAll compiled one per call,
        // once for every index, constraint and trigger of every snapshot, which every migration run takes).
        String t = text.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
                    || c == ' ' && t.charAt(i + 1) == ' ') {
                return WHITESPACE.matcher(t).replaceAll(" ");
            }
        }
        return t;
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * A column default as it reads the same however it was set: null for none (MariaDB says {@code NULL}),
     * PostgreSQL's casts of literals dropped.
     */
    static String normaliseDefault(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NULL") || v.regionMatches(true, 0, "NULL::", 0, 6)) {
            return null;
        }
        return LITERAL_CAST.matcher(v).replaceAll("$1");
    }

    /**
     * The text without the snapshot's own schema in front of names ({@code public.orders}, {@code "PUBLIC"."ORDERS"},
     * {@code `shop`.`orders`}): whether the database prints it depends on the connection's search path, not on the
     * schema.
     */
    static String unqualify(String text, String schema) {
        // Most texts (column types, defaults) never name the schema: without it the pattern cannot match, and
        // compiling it for every column cost a 10,000-migration apply a large share of its snapshot's CPU.
        if (text == null || schema == null || !text.contains(schema)) {
            return text;
        }
        String quoted = Pattern.quote(schema);
        return text.replaceAll("(?<![\\w$\"`])(\"" + quoted + "\"|`" + quoted + "`|" + quoted + ")\\.", "");
    }
}
