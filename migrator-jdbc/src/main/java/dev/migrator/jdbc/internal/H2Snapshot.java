package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.migrator.jdbc.internal.MetadataSnapshot.each;
import static dev.migrator.jdbc.internal.MetadataSnapshot.isExcluded;
import static dev.migrator.jdbc.internal.MetadataSnapshot.isGenerated;

/**
 * A schema snapshot of H2 2.x from its {@code INFORMATION_SCHEMA}, one query per kind of object. Constraints that
 * the author left unnamed are called {@code CONSTRAINT_8B} and the like by H2, a name that depends on what else
 * exists; they are described by definition instead (see {@link MetadataSnapshot}). The indexes H2 creates for
 * constraints are left out: the constraints stand for them.
 */
final class H2Snapshot {
    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES "
            + "WHERE TABLE_SCHEMA = ?";
    private static final String ENUMS = "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM "
            + "INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY VALUE_ORDINAL";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
            + "NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, DOMAIN_NAME, DTD_IDENTIFIER, IS_NULLABLE, "
            + "COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_GENERATION, GENERATION_EXPRESSION "
            + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?";
    private static final String CONSTRAINTS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, "
            + "cc.CHECK_CLAUSE, rc.UNIQUE_CONSTRAINT_SCHEMA, rc.UNIQUE_CONSTRAINT_NAME, rc.DELETE_RULE, rc.UPDATE_RULE "
            + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
            + "LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
            + "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
            + "LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
            + "AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ?";
    /** The key columns of the schema's constraints, and of the keys its foreign keys reference wherever they are. */
    private static final String KEY_COLUMNS = "SELECT k.CONSTRAINT_SCHEMA, k.CONSTRAINT_NAME, k.TABLE_NAME, "
            + "k.COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = ? "
            + "OR EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r WHERE r.CONSTRAINT_SCHEMA = ? "
            + "AND r.UNIQUE_CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.UNIQUE_CONSTRAINT_NAME = k.CONSTRAINT_NAME) "
            + "ORDER BY k.ORDINAL_POSITION";
    private static final String INDEXES = "SELECT i.INDEX_NAME, i.TABLE_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, "
            + "c.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
            + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME "
            + "WHERE i.TABLE_SCHEMA = ? AND i.IS_GENERATED = FALSE ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION";
    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS "
            + "WHERE TABLE_SCHEMA = ?";
    private static final String SEQUENCES = "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, "
            + "MAXIMUM_VALUE, CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?";

    private H2Snapshot() {
    }

    static SchemaModel capture(Connection c, String schema, Set<String> excluded) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        List<String> one = List.of(schema);
        Set<String> tables = new HashSet<>();
        each(c, TABLES, one, rs -> {
            String name = rs.getString(1);
            if (!isExcluded(excluded, name) && rs.getString(2).equals("BASE TABLE")) {
                tables.add(name);
                objects.add(MetadataSnapshot.table(name));
            }
        });
        Map<String, List<String>> enumValues = new HashMap<>();
        each(c, ENUMS, one, rs -> enumValues.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2),
                k -> new ArrayList<>()).add("'" + rs.getString(3).replace("'", "''") + "'"));
        each(c, COLUMNS, one, rs -> {
            String table = rs.getString("TABLE_NAME");
            if (!tables.contains(table)) {
                return;
            }
            Map<String, String> more = new LinkedHashMap<>();
            if ("YES".equals(rs.getString("IS_IDENTITY"))) {
                more.put("identity", rs.getString("IDENTITY_GENERATION").toLowerCase(java.util.Locale.ROOT));
            }
            if (rs.getString("GENERATION_EXPRESSION") != null) {
                more.put("generated", rs.getString("GENERATION_EXPRESSION"));
            }
            objects.add(MetadataSnapshot.column(table, rs.getString("COLUMN_NAME"),
                    type(rs, enumValues.get(table + "/" + rs.getString("DTD_IDENTIFIER"))),
                    "YES".equals(rs.getString("IS_NULLABLE")), rs.getString("COLUMN_DEFAULT"), more));
        });
        constraints(c, schema, tables, objects);
        indexes(c, schema, tables, objects);
        each(c, VIEWS, one, rs -> objects.add(MetadataSnapshot.view(rs.getString(1),
                MetadataSnapshot.unqualify(rs.getString(2), schema))));
        each(c, SEQUENCES, one, rs -> {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("type", rs.getString("DATA_TYPE"));
            a.put("start", rs.getString("START_VALUE"));
            a.put("increment", rs.getString("INCREMENT"));
            a.put("min", rs.getString("MINIMUM_VALUE"));
            a.put("max", rs.getString("MAXIMUM_VALUE"));
            a.put("cycle", "YES".equals(rs.getString("CYCLE_OPTION")) ? "yes" : "no");
            objects.add(MetadataSnapshot.sequence(rs.getString("SEQUENCE_NAME"), a));
        });
        return new SchemaModel(objects);
    }

    /** The type as declared: {@code CHARACTER VARYING(200)}, {@code NUMERIC(10, 2)}, {@code ENUM('a', 'b')}. */
    private static String type(ResultSet rs, List<String> enumValues) throws SQLException {
        String type = rs.getString("DATA_TYPE");
        if (rs.getString("DOMAIN_NAME") != null) {
            return rs.getString("DOMAIN_NAME");
        }
        if (type.equals("ENUM") && enumValues != null) {
            return "ENUM(" + String.join(", ", enumValues) + ")";
        }
        if (rs.getString("CHARACTER_MAXIMUM_LENGTH") != null) {
            return type + "(" + rs.getString("CHARACTER_MAXIMUM_LENGTH") + ")";
        }
        if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            return type + "(" + rs.getString("NUMERIC_PRECISION") + ", " + rs.getString("NUMERIC_SCALE") + ")";
        }
        if (type.startsWith("TIME") && rs.getString("DATETIME_PRECISION") != null) {
            return type + "(" + rs.getString("DATETIME_PRECISION") + ")";
        }
        return type;
    }

    private static void constraints(Connection c, String schema, Set<String> tables, List<SchemaObject> objects)
            throws SQLException {
        Map<String, List<String>> keyColumns = new HashMap<>();
        Map<String, String> keyTables = new HashMap<>();
        each(c, KEY_COLUMNS, List.of(schema, schema), rs -> {
            String key = rs.getString(1) + "." + rs.getString(2);
            keyColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(4));
            String table = rs.getString(1).equals(schema) ? rs.getString(3) : rs.getString(1) + "." + rs.getString(3);
            keyTables.put(key, table);
        });
        each(c, CONSTRAINTS, List.of(schema), rs -> {
            String table = rs.getString("TABLE_NAME");
            if (!tables.contains(table)) {
                return;
            }
            String name = rs.getString("CONSTRAINT_NAME");
            String given = isGenerated(name) ? null : name;
            List<String> columns = keyColumns.getOrDefault(schema + "." + name, List.of());
            switch (rs.getString("CONSTRAINT_TYPE")) {
                case "PRIMARY KEY" -> objects.add(MetadataSnapshot.primaryKey(table, columns, given));
                case "UNIQUE" -> objects.add(MetadataSnapshot.unique(table, columns, given));
                case "CHECK" -> objects.add(MetadataSnapshot.check(table, rs.getString("CHECK_CLAUSE"), given));
                case "FOREIGN KEY" -> {
                    String referenced = rs.getString("UNIQUE_CONSTRAINT_SCHEMA") + "."
                            + rs.getString("UNIQUE_CONSTRAINT_NAME");
                    objects.add(MetadataSnapshot.foreignKey(table, columns, keyTables.get(referenced),
                            keyColumns.getOrDefault(referenced, List.of()), rule(rs.getString("DELETE_RULE")),
                            rule(rs.getString("UPDATE_RULE")), given));
                }
                default -> {
                    // H2 has no other kinds today; a future one is better missed than misread.
                }
            }
        });
    }

    private static void indexes(Connection c, String schema, Set<String> tables, List<SchemaObject> objects)
            throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, String> tableOf = new HashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        each(c, INDEXES, List.of(schema), rs -> {
            String index = rs.getString("INDEX_NAME");
            String table = rs.getString("TABLE_NAME");
            if (!tables.contains(table)) {
                return;
            }
            tableOf.put(index, table);
            unique.put(index, rs.getString("INDEX_TYPE_NAME").contains("UNIQUE"));
            String column = rs.getString("COLUMN_NAME");
            columns.computeIfAbsent(index, k -> new ArrayList<>())
                    .add("DESC".equals(rs.getString("ORDERING_SPECIFICATION")) ? column + " DESC" : column);
        });
        // H2 names an index created without a name INDEX_<hex>; such an index is named by what it covers.
        columns.forEach((index, cols) -> objects.add(MetadataSnapshot.index(
                index.matches("INDEX_[0-9A-F]+") ? null : index, tableOf.get(index), cols, unique.get(index),
                Map.of())));
    }

    private static String rule(String rule) {
        return rule == null ? null : rule.toLowerCase(java.util.Locale.ROOT);
    }
}
