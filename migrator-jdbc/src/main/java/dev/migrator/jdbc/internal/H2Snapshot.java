package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.migrator.jdbc.internal.CatalogRows.each;
import static dev.migrator.jdbc.internal.CatalogRows.result;
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
    // The constraint and index tables are read one at a time and joined here: H2 builds an INFORMATION_SCHEMA table's
    // rows each time it scans one, so a join of two of them (or a correlated subquery) rebuilt the inner table for
    // each outer row. The three constraint tables joined in SQL took 36 ms of a fresh JVM at the benchmark's 300
    // tables, read apart 6 ms.
    private static final String CONSTRAINTS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE "
            + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?";
    private static final String CHECKS = "SELECT CONSTRAINT_NAME, CHECK_CLAUSE "
            + "FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
    private static final String REFERENCES = "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, "
            + "UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS "
            + "WHERE CONSTRAINT_SCHEMA = ?";
    /** The key columns of one schema's constraints: this schema's, and those of another that a foreign key names. */
    private static final String KEY_COLUMNS = "SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME "
            + "FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = ? ORDER BY ORDINAL_POSITION";
    private static final String INDEXES = "SELECT INDEX_NAME, TABLE_NAME, INDEX_TYPE_NAME "
            + "FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ? AND IS_GENERATED = FALSE";
    private static final String INDEX_COLUMNS = "SELECT INDEX_NAME, TABLE_NAME, COLUMN_NAME, ORDERING_SPECIFICATION "
            + "FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY INDEX_NAME, ORDINAL_POSITION";
    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS "
            + "WHERE TABLE_SCHEMA = ?";
    private static final String SEQUENCES = "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, "
            + "MAXIMUM_VALUE, CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?";

    private H2Snapshot() {
    }

    /**
     * What the catalog says of the schema, as text ({@link CatalogRows}): the result of each query, and the key
     * columns of each schema a foreign key points into. A migrating run stores this as its drift snapshot; building
     * the model was a large part of what the snapshot cost the run ({@link PostgresSnapshot} says more).
     */
    static String read(Connection c, String schema) throws SQLException {
        List<String> one = List.of(schema);
        StringBuilder text = new StringBuilder(16_384);
        String[][] queries = {{"tables", TABLES}, {"enums", ENUMS}, {"columns", COLUMNS}, {"references", REFERENCES},
            {"checks", CHECKS}, {"constraints", CONSTRAINTS}, {"indexes", INDEXES}, {"index columns", INDEX_COLUMNS},
            {"views", VIEWS}, {"sequences", SEQUENCES}};
        Set<String> owners = new LinkedHashSet<>(one);
        for (String[] query : queries) {
            CatalogRows.Result result = CatalogRows.read(c, query[1], one);
            if (query[0].equals("references")) {
                result.rows().forEach(row -> owners.add(row[1]));
            }
            CatalogRows.write(text, query[0], result);
        }
        for (String owner : owners) {
            CatalogRows.write(text, "key columns " + owner, CatalogRows.read(c, KEY_COLUMNS, List.of(owner)));
        }
        return text.toString();
    }

    /** The model of the catalog text that {@link #read} returned, now or when a run stored it. */
    static SchemaModel build(String text, String schema, Set<String> excluded) {
        Map<String, CatalogRows.Result> results = CatalogRows.parse(text);
        List<SchemaObject> objects = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        each(result(results, "tables"), rs -> {
            String name = rs.getString(1);
            if (!isExcluded(excluded, name) && rs.getString(2).equals("BASE TABLE")) {
                tables.add(name);
                objects.add(MetadataSnapshot.table(name));
            }
        });
        Map<String, List<String>> enumValues = new HashMap<>();
        each(result(results, "enums"), rs -> enumValues.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2),
                k -> new ArrayList<>()).add("'" + rs.getString(3).replace("'", "''") + "'"));
        each(result(results, "columns"), rs -> {
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
        constraints(results, schema, tables, objects);
        indexes(results, tables, objects);
        each(result(results, "views"), rs -> objects.add(MetadataSnapshot.view(rs.getString(1),
                MetadataSnapshot.unqualify(rs.getString(2), schema))));
        each(result(results, "sequences"), rs -> {
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
    private static String type(CatalogRows.Row rs, List<String> enumValues) {
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

    private static void constraints(Map<String, CatalogRows.Result> results, String schema, Set<String> tables,
                                    List<SchemaObject> objects) {
        Map<String, String[]> references = new HashMap<>();
        Set<String> schemas = new LinkedHashSet<>(List.of(schema));
        each(result(results, "references"), rs -> {
            references.put(rs.getString(1), new String[]{rs.getString(2) + "." + rs.getString(3), rs.getString(4),
                    rs.getString(5)});
            schemas.add(rs.getString(2));
        });
        Map<String, List<String>> keyColumns = new HashMap<>();
        Map<String, String> keyTables = new HashMap<>();
        for (String owner : schemas) {
            each(result(results, "key columns " + owner), rs -> {
                String key = owner + "." + rs.getString(1);
                keyColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
                keyTables.put(key, owner.equals(schema) ? rs.getString(2) : owner + "." + rs.getString(2));
            });
        }
        Map<String, String> checks = new HashMap<>();
        each(result(results, "checks"), rs -> checks.put(rs.getString(1), rs.getString(2)));
        each(result(results, "constraints"), rs -> {
            String table = rs.getString(1);
            if (!tables.contains(table)) {
                return;
            }
            String name = rs.getString(2);
            String given = isGenerated(name) ? null : name;
            List<String> columns = keyColumns.getOrDefault(schema + "." + name, List.of());
            switch (rs.getString(3)) {
                case "PRIMARY KEY" -> objects.add(MetadataSnapshot.primaryKey(table, columns, given));
                case "UNIQUE" -> objects.add(MetadataSnapshot.unique(table, columns, given));
                case "CHECK" -> objects.add(MetadataSnapshot.check(table, checks.get(name), given));
                case "FOREIGN KEY" -> {
                    String[] reference = references.get(name);
                    objects.add(MetadataSnapshot.foreignKey(table, columns, keyTables.get(reference[0]),
                            keyColumns.getOrDefault(reference[0], List.of()), rule(reference[1]), rule(reference[2]),
                            given));
                }
                default -> {
                    // H2 has no other kinds today; a future one is better missed than misread.
                }
            }
        });
    }

    private static void indexes(Map<String, CatalogRows.Result> results, Set<String> tables,
                                List<SchemaObject> objects) {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, String> tableOf = new HashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        each(result(results, "indexes"), rs -> {
            if (tables.contains(rs.getString(2))) {
                tableOf.put(rs.getString(1), rs.getString(2));
                unique.put(rs.getString(1), rs.getString(3).contains("UNIQUE"));
            }
        });
        each(result(results, "index columns"), rs -> {
            String index = rs.getString(1);
            if (rs.getString(2).equals(tableOf.get(index))) {
                String column = rs.getString(3);
                columns.computeIfAbsent(index, k -> new ArrayList<>())
                        .add("DESC".equals(rs.getString(4)) ? column + " DESC" : column);
            }
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
