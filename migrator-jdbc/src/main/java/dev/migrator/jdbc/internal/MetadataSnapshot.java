package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema snapshot from {@link DatabaseMetaData}, which every driver offers: tables, views, columns, primary keys,
 * indexes and foreign keys. Dialects add what the standard metadata does not show.
 */
final class MetadataSnapshot {
    private MetadataSnapshot() {
    }

    static SchemaModel capture(JdbcDialect dialect, Connection c, String catalog, String schema, Set<String> excluded)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<SchemaObject> objects = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[]{"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (excluded.contains(name)) {
                    continue;
                }
                String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("VIEW") ? "view" : "table";
                objects.add(new SchemaObject(type, name, Map.of()));
                tables.add(name);
            }
        }
        for (String table : tables) {
            try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
                while (rs.next()) {
                    Map<String, String> a = new LinkedHashMap<>();
                    a.put("type", rs.getString("TYPE_NAME"));
                    a.put("size", rs.getString("COLUMN_SIZE"));
                    a.put("nullable", rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? "yes" : "no");
                    a.put("default", rs.getString("COLUMN_DEF"));
                    objects.add(new SchemaObject("column", table + "." + rs.getString("COLUMN_NAME"), a));
                }
            }
            Map<String, TreeMap<Integer, String>> pks = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
                while (rs.next()) {
                    pks.computeIfAbsent(table, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            pks.forEach((t, cols) -> objects.add(new SchemaObject("primary key", t,
                    Map.of("columns", String.join(", ", cols.values())))));
            Map<String, TreeMap<Integer, String>> indexColumns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index == null || rs.getString("COLUMN_NAME") == null) {
                        continue;
                    }
                    indexColumns.computeIfAbsent(index, k -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                    unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            indexColumns.forEach((index, cols) -> objects.add(new SchemaObject("index", index,
                    Map.of("on", table + "(" + String.join(", ", cols.values()) + ")",
                            "unique", unique.get(index) ? "yes" : "no"))));
            Map<String, List<String>> fks = new TreeMap<>();
            try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    String name = rs.getString("FK_NAME");
                    fks.computeIfAbsent(name == null ? table + "_fk" : name, k -> new ArrayList<>())
                            .add(rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME") + "."
                                    + rs.getString("PKCOLUMN_NAME"));
                }
            }
            fks.forEach((name, cols) -> objects.add(new SchemaObject("foreign key", name,
                    Map.of("on", table, "references", String.join(", ", cols)))));
        }
        return new SchemaModel(objects);
    }
}
