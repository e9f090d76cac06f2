package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.migrator.jdbc.internal.CatalogRows.each;
import static dev.migrator.jdbc.internal.CatalogRows.result;
import static dev.migrator.jdbc.internal.MetadataSnapshot.isExcluded;

/**
 * A schema snapshot of MariaDB or MySQL (the schema is a database) from {@code information_schema}, one query per
 * kind of object. A unique constraint is a unique index there, so it shows as one; the primary key's index does
 * not. Index names are unique per table only: an index name used on two tables is written {@code table.index}.
 * Generated constraint names ({@code orders_ibfk_1}, {@code CONSTRAINT_1}, a column check named after its column)
 * are left out in favour of the definition.
 */
final class MySqlSnapshot {
    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = ?";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, "
            + "EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?";
    // Each information_schema view is filtered by the column MariaDB looks up directly (EXPLAIN: "Scanned 1
    // database"), and the views are joined here: filtered by CONSTRAINT_SCHEMA, TABLE_CONSTRAINTS opened every table
    // of every database on the server, and so did REFERENTIAL_CONSTRAINTS joined to KEY_COLUMN_USAGE: 1.7 s each on
    // a server holding 14,000 tables, on every run that changed something, against 0.01-0.04 s now.
    private static final String KEY_COLUMNS = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, "
            + "REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
            + "FROM information_schema.KEY_COLUMN_USAGE "
            + "WHERE TABLE_SCHEMA = ? AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL) "
            + "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
    private static final String REFERENCES = "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE "
            + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
    private static final String CHECK_TABLES = "SELECT CONSTRAINT_NAME, TABLE_NAME FROM "
            + "information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE = 'CHECK'";
    /** {@code SELECT *}: MariaDB has TABLE_NAME and LEVEL here, MySQL has neither. */
    private static final String CHECKS = "SELECT * FROM information_schema.CHECK_CONSTRAINTS "
            + "WHERE CONSTRAINT_SCHEMA = ?";
    /** {@code SELECT *}: MySQL 8 has EXPRESSION (functional key parts) here, MariaDB has not. */
    private static final String INDEXES = "SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
            + "AND INDEX_NAME <> 'PRIMARY' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS "
            + "WHERE TABLE_SCHEMA = ?";
    private static final String TRIGGERS = "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, "
            + "EVENT_MANIPULATION, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ?";
    private static final String ROUTINES = "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION "
            + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?";

    /** The catalog queries after TABLES, each named in the catalog text; one parameter each, the schema. */
    private static final String[][] QUERIES = {{"columns", COLUMNS}, {"key columns", KEY_COLUMNS},
        {"references", REFERENCES}, {"check tables", CHECK_TABLES}, {"checks", CHECKS}, {"indexes", INDEXES},
        {"views", VIEWS}, {"triggers", TRIGGERS}, {"routines", ROUTINES}};

    private MySqlSnapshot() {
    }

    /** Every information_schema query a snapshot runs, with the schema as their one parameter. */
    static List<String> catalogQueries() {
        List<String> all = new ArrayList<>(List.of(TABLES));
        for (String[] query : QUERIES) {
            all.add(query[1]);
        }
        return all;
    }

    /**
     * What the catalog says of the schema, as text ({@link CatalogRows}): the result of each query, and the settings
     * of each sequence. A migrating run stores this as its drift snapshot; building the model was most of what the
     * snapshot cost the run (PostgreSQL's catalog text, {@link PostgresSnapshot}, says more).
     */
    static String read(Connection c, String schema) throws SQLException {
        List<String> one = List.of(schema);
        StringBuilder text = new StringBuilder(16_384);
        CatalogRows.Result tables = CatalogRows.read(c, TABLES, one);
        CatalogRows.write(text, "tables", tables);
        for (String[] query : QUERIES) {
            CatalogRows.write(text, query[0], CatalogRows.read(c, query[1], one));
        }
        // A MariaDB sequence's settings: there is no catalog view of them, so one query per sequence.
        for (String[] row : tables.rows()) {
            if (row[1].equals("SEQUENCE")) {
                String table = "`" + schema.replace("`", "``") + "`.`" + row[0].replace("`", "``") + "`";
                CatalogRows.write(text, "sequence " + row[0], CatalogRows.read(c, "SELECT start_value, increment, "
                        + "minimum_value, maximum_value, cycle_option FROM " + table, List.of()));
            }
        }
        return text.toString();
    }

    /** The model of the catalog text that {@link #read} returned, now or when a run stored it. */
    static SchemaModel build(String text, String schema, Set<String> excluded) {
        Map<String, CatalogRows.Result> results = CatalogRows.parse(text);
        List<SchemaObject> objects = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        List<String> sequences = new ArrayList<>();
        each(result(results, "tables"), rs -> {
            String name = rs.getString(1);
            String type = rs.getString(2);
            if (isExcluded(excluded, name) || type.equals("VIEW")) {
                return;
            }
            if (type.equals("SEQUENCE")) {
                sequences.add(name);
            } else {
                tables.add(name);
                objects.add(MetadataSnapshot.table(name));
            }
        });
        each(result(results, "columns"), rs -> {
            if (!tables.contains(rs.getString(1))) {
                return;
            }
            Map<String, String> more = new LinkedHashMap<>();
            if (rs.getString(6) != null && !rs.getString(6).isBlank()) {
                more.put("extra", rs.getString(6).toLowerCase(Locale.ROOT));
            }
            if (rs.getString(7) != null && !rs.getString(7).isBlank()) {
                more.put("generated", rs.getString(7));
            }
            objects.add(MetadataSnapshot.column(rs.getString(1), rs.getString(2), rs.getString(3),
                    "YES".equals(rs.getString(4)), rs.getString(5), more));
        });
        keys(result(results, "key columns"), result(results, "references"), schema, tables, objects);
        checks(result(results, "check tables"), result(results, "checks"), tables, objects);
        indexes(result(results, "indexes"), tables, objects);
        each(result(results, "views"), rs -> {
            if (!isExcluded(excluded, rs.getString(1))) {
                objects.add(MetadataSnapshot.view(rs.getString(1),
                        MetadataSnapshot.unqualify(rs.getString(2), schema)));
            }
        });
        for (String sequence : sequences) {
            objects.add(MetadataSnapshot.sequence(sequence, sequence(result(results, "sequence " + sequence))));
        }
        each(result(results, "triggers"), rs -> objects.add(new SchemaObject("trigger", rs.getString(1) + "."
                + rs.getString(2), Map.of("definition", (rs.getString(3) + " " + rs.getString(4))
                .toLowerCase(Locale.ROOT) + " " + MetadataSnapshot.squeeze(MetadataSnapshot.unqualify(rs.getString(5),
                schema))))));
        each(result(results, "routines"), rs -> objects.add(new SchemaObject(rs.getString(2).toLowerCase(Locale.ROOT),
                rs.getString(1), Map.of("returns", String.valueOf(rs.getString(3)), "body",
                String.valueOf(MetadataSnapshot.squeeze(MetadataSnapshot.unqualify(rs.getString(4), schema)))))));
        return new SchemaModel(objects);
    }

    private static void keys(CatalogRows.Result keyColumns, CatalogRows.Result references, String schema,
                             Set<String> tables, List<SchemaObject> objects) {
        Map<String, String[]> rules = new HashMap<>();
        each(references, rs -> rules.put(rs.getString(1) + "\u0000" + rs.getString(2),
                new String[]{rs.getString(3), rs.getString(4)}));
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        each(keyColumns, rs -> {
            if (tables.contains(rs.getString(1))) {
                String key = rs.getString(1) + "\u0000" + rs.getString(2);
                String[] rule = rules.getOrDefault(key, new String[2]);
                rows.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rule[0], rule[1]});
            }
        });
        for (List<String[]> key : rows.values()) {
            String[] first = key.get(0);
            String table = first[0];
            String name = first[1];
            List<String> columns = key.stream().map(r -> r[2]).toList();
            if (name.equals("PRIMARY")) {
                objects.add(MetadataSnapshot.primaryKey(table, columns, null));
                continue;
            }
            String referenced = schema.equals(first[3]) ? first[4] : first[3] + "." + first[4];
            String given = name.matches(Pattern.quote(table) + "_ibfk_\\d+") ? null : name;
            objects.add(MetadataSnapshot.foreignKey(table, columns, referenced, key.stream().map(r -> r[5]).toList(),
                    rule(first[6]), rule(first[7]), given));
        }
    }

    private static void checks(CatalogRows.Result checkTables, CatalogRows.Result checks, Set<String> tables,
                               List<SchemaObject> objects) {
        Map<String, String> tableOf = new HashMap<>();
        each(checkTables, rs -> tableOf.put(rs.getString(1), rs.getString(2)));
        each(checks, rs -> {
            boolean mariaDb = rs.has("TABLE_NAME");
            String name = rs.getString("CONSTRAINT_NAME");
            String table = mariaDb ? rs.getString("TABLE_NAME") : tableOf.get(name);
            if (table == null || !tables.contains(table)) {
                return;
            }
            boolean generated = mariaDb && "Column".equalsIgnoreCase(rs.getString("LEVEL"))
                    || name.matches("CONSTRAINT_\\d+") || name.matches(Pattern.quote(table) + "_chk_\\d+");
            objects.add(MetadataSnapshot.check(table, "(" + rs.getString("CHECK_CLAUSE") + ")",
                    generated ? null : name));
        });
    }

    private static void indexes(CatalogRows.Result indexes, Set<String> tables, List<SchemaObject> objects) {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        Map<String, String> using = new HashMap<>();
        Map<String, Integer> tablesPerName = new HashMap<>();
        each(indexes, rs -> {
            String table = rs.getString("TABLE_NAME");
            if (!tables.contains(table)) {
                return;
            }
            String key = table + "\u0000" + rs.getString("INDEX_NAME");
            if (!columns.containsKey(key)) {
                tablesPerName.merge(rs.getString("INDEX_NAME"), 1, Integer::sum);
            }
            String part = rs.getString("COLUMN_NAME") != null ? rs.getString("COLUMN_NAME")
                    : rs.has("EXPRESSION") ? "(" + rs.getString("EXPRESSION") + ")" : "?";
            if (rs.getString("SUB_PART") != null) {
                part += "(" + rs.getString("SUB_PART") + ")";
            }
            if ("D".equals(rs.getString("COLLATION"))) {
                part += " DESC";
            }
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(part);
            unique.put(key, rs.getInt("NON_UNIQUE") == 0);
            using.put(key, rs.getString("INDEX_TYPE").toLowerCase(Locale.ROOT));
        });
        columns.forEach((key, cols) -> {
            String table = key.substring(0, key.indexOf('\u0000'));
            String index = key.substring(key.indexOf('\u0000') + 1);
            String name = tablesPerName.get(index) > 1 ? table + "." + index : index;
            objects.add(MetadataSnapshot.index(name, table, cols, unique.get(key), Map.of("using", using.get(key))));
        });
    }

    /** A MariaDB sequence's settings, from its own one-row result. */
    private static Map<String, String> sequence(CatalogRows.Result settings) {
        Map<String, String> a = new LinkedHashMap<>();
        each(settings, rs -> {
            a.put("start", rs.getString(1));
            a.put("increment", rs.getString(2));
            a.put("min", rs.getString(3));
            a.put("max", rs.getString(4));
            a.put("cycle", rs.getInt(5) == 1 ? "yes" : "no");
        });
        return a;
    }

    private static String rule(String rule) {
        return rule == null ? null : rule.toLowerCase(Locale.ROOT);
    }
}
