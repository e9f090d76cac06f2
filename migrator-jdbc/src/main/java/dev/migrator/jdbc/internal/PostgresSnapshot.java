package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.migrator.jdbc.internal.MetadataSnapshot.isExcluded;

/**
 * A schema snapshot of PostgreSQL from {@code pg_catalog}, one query per kind of object: besides tables, columns,
 * keys, checks, indexes, views and sequences, also enum types, functions and procedures, and triggers. Objects that
 * belong to an extension are left out (the extension's script made them, not a migration), and so are the indexes
 * behind primary-key, unique and exclusion constraints, which the constraints stand for.
 *
 * <p>In two steps: {@link #read} runs the queries as one statement whose rows the server aggregates into one JSON
 * text, and {@link #build} makes the model from that text. A migrating run stores the text (compressed) as its drift
 * snapshot without building anything: building the model (and encoding it) was most of what the snapshot cost a run,
 * about 120 ms of CPU in a fresh JVM at the benchmark's 300 tables. A drift check builds both sides, the stored text
 * and the live one, with the same code, so a later migrator that reads the catalog more finely compares like with
 * like.
 */
final class PostgresSnapshot {
    private static final String NOT_IN_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            + "WHERE d.objid = %s AND d.deptype = 'e')";
    private static final String RELATIONS = "SELECT c.relname, c.relkind, "
            + "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END, "
            + "format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_sequence s ON s.seqrelid = c.oid "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')"
            + String.format(NOT_IN_EXTENSION, "c.oid");
    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, %s "
            + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped";
    private static final String COLUMN_NAMES = "(SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) "
            + "FROM unnest(%1$s) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = %2$s AND a.attnum = k.n)";
    private static final String CONSTRAINTS = "SELECT t.relname, con.conname, con.contype, "
            + "pg_get_constraintdef(con.oid, true), " + String.format(COLUMN_NAMES, "con.conkey", "con.conrelid") + ", "
            + "rn.nspname, rt.relname, " + String.format(COLUMN_NAMES, "con.confkey", "con.confrelid") + ", "
            + "con.confdeltype, con.confupdtype, con.condeferrable "
            + "FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid "
            + "JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "LEFT JOIN pg_class rt ON rt.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rt.relnamespace "
            + "WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c', 'x')";
    private static final String INDEXES = "SELECT ic.relname, t.relname, i.indisunique, am.amname, "
            + "(SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true) "
            + "|| CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END, ', ' ORDER BY k) "
            + "FROM generate_series(1, i.indnkeyatts) k), "
            + "(SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k) "
            + "FROM generate_series(i.indnkeyatts + 1, i.indnatts) k), "
            + "pg_get_expr(i.indpred, i.indrelid, true) "
            + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
            + "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = ic.relam "
            + "WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
            + "AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))"
            + String.format(NOT_IN_EXTENSION, "t.oid");
    private static final String ENUMS = "SELECT t.typname, string_agg(quote_literal(e.enumlabel), ', ' "
            + "ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = ?"
            + String.format(NOT_IN_EXTENSION, "t.oid") + " GROUP BY t.typname";
    private static final String FUNCTIONS = "SELECT p.proname, pg_get_function_identity_arguments(p.oid), "
            + "pg_get_function_result(p.oid), l.lanname, p.prokind, p.provolatile, p.prosrc "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
            + "WHERE n.nspname = ?" + String.format(NOT_IN_EXTENSION, "p.oid");
    private static final String TRIGGERS = "SELECT t.relname, tg.tgname, pg_get_triggerdef(tg.oid, true) "
            + "FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE n.nspname = ? AND NOT tg.tgisinternal";
    /** The queries, in the order of their rows in the catalog text. */
    private static final List<String> QUERIES = List.of(RELATIONS, COLUMNS, CONSTRAINTS, INDEXES, ENUMS, FUNCTIONS,
            TRIGGERS);
    private static final Pattern CHECK = Pattern.compile("(?s)^CHECK \\((.*)\\)( NOT VALID)?$");

    private PostgresSnapshot() {
    }

    /**
     * The catalog rows of the schema as one JSON text: an array with the rows of each query in {@link #QUERIES}
     * order ({@link JsonRows}).
     */
    static String read(Connection c, String schema) throws SQLException {
        // attgenerated came with PostgreSQL 12; before it no column is generated.
        String generated = c.getMetaData().getDatabaseMajorVersion() >= 12 ? "a.attgenerated" : "''";
        StringBuilder sql = new StringBuilder("SELECT json_build_array(");
        for (int i = 0; i < QUERIES.size(); i++) {
            String query = QUERIES.get(i) == COLUMNS ? String.format(COLUMNS, generated) : QUERIES.get(i);
            sql.append(i == 0 ? "" : ", ").append("(SELECT json_agg(q) FROM (").append(query).append(") q)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.append(")::text").toString())) {
            for (int i = 1; i <= QUERIES.size(); i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The model of the catalog rows that {@link #read} returned, now or when a run stored them. */
    static SchemaModel build(String json, String schema, Set<String> excluded) {
        List<List<String[]>> sets = JsonRows.parse(json);
        if (sets.size() != QUERIES.size()) {
            throw new IllegalStateException("The catalog text holds " + sets.size() + " sets of rows, not "
                    + QUERIES.size());
        }
        List<SchemaObject> objects = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        each(sets.get(0), rs -> {
            String name = rs.getString(1);
            if (isExcluded(excluded, name)) {
                return;
            }
            switch (rs.getString(2)) {
                case "v", "m" -> {
                    SchemaObject view = MetadataSnapshot.view(name,
                            MetadataSnapshot.unqualify(rs.getString(3), schema));
                    objects.add(rs.getString(2).equals("v") ? view
                            : new SchemaObject("materialized view", name, view.attributes()));
                }
                case "S" -> objects.add(MetadataSnapshot.sequence(name, sequence(rs)));
                default -> {
                    tables.add(name);
                    objects.add(MetadataSnapshot.table(name));
                }
            }
        });
        each(sets.get(1), rs -> {
            if (!tables.contains(rs.getString(1))) {
                return;
            }
            Map<String, String> more = new LinkedHashMap<>();
            String identity = rs.getString(6);
            if ("a".equals(identity) || "d".equals(identity)) {
                more.put("identity", identity.equals("a") ? "always" : "by default");
            }
            String def = MetadataSnapshot.unqualify(rs.getString(5), schema);
            if ("s".equals(rs.getString(7))) {
                more.put("generated", def);
                def = null;
            }
            objects.add(MetadataSnapshot.column(rs.getString(1), rs.getString(2),
                    MetadataSnapshot.unqualify(rs.getString(3), schema), !rs.getBoolean(4), def, more));
        });
        each(sets.get(2), rs -> {
            if (tables.contains(rs.getString(1))) {
                objects.add(constraint(rs, schema));
            }
        });
        each(sets.get(3), rs -> {
            if (!tables.contains(rs.getString(2))) {
                return;
            }
            Map<String, String> more = new LinkedHashMap<>();
            more.put("using", rs.getString(4));
            if (rs.getString(6) != null) {
                more.put("include", rs.getString(6));
            }
            if (rs.getString(7) != null) {
                more.put("where", squeeze(rs.getString(7), schema));
            }
            objects.add(MetadataSnapshot.index(rs.getString(1), rs.getString(2),
                    List.of(squeeze(rs.getString(5), schema)), rs.getBoolean(3), more));
        });
        each(sets.get(4), rs -> objects.add(new SchemaObject("enum type", rs.getString(1),
                Map.of("values", rs.getString(2)))));
        each(sets.get(5), rs -> objects.add(function(rs, schema)));
        each(sets.get(6), rs -> {
            if (tables.contains(rs.getString(1))) {
                objects.add(new SchemaObject("trigger", rs.getString(1) + "." + rs.getString(2),
                        Map.of("definition", squeeze(rs.getString(3), schema))));
            }
        });
        return new SchemaModel(objects);
    }

    private static void each(List<String[]> rows, RowHandler handler) {
        for (String[] row : rows) {
            handler.accept(new CatalogRow(row));
        }
    }

    /** One catalog row: its values by column number, from 1 as in JDBC; booleans read {@code true} or {@code false}. */
    private record CatalogRow(String[] values) {
        String getString(int column) {
            return values[column - 1];
        }

        boolean getBoolean(int column) {
            return "true".equals(values[column - 1]);
        }
    }

    /** What is done with one row. */
    @FunctionalInterface
    private interface RowHandler {
        void accept(CatalogRow row);
    }

    private static Map<String, String> sequence(CatalogRow rs) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("type", rs.getString(4));
        a.put("start", rs.getString(5));
        a.put("increment", rs.getString(6));
        a.put("min", rs.getString(7));
        a.put("max", rs.getString(8));
        a.put("cycle", rs.getBoolean(9) ? "yes" : "no");
        return a;
    }

    private static SchemaObject constraint(CatalogRow rs, String schema) {
        String table = rs.getString(1);
        String name = rs.getString(2);
        String definition = squeeze(rs.getString(4), schema);
        List<String> columns = rs.getString(5) == null ? List.of() : Arrays.asList(rs.getString(5).split(", "));
        String given = generatedName(table, name) ? null : name;
        switch (rs.getString(3)) {
            case "p":
                return MetadataSnapshot.primaryKey(table, columns, given);
            case "u":
                return MetadataSnapshot.unique(table, columns, given);
            case "f":
                String referenced = schema.equals(rs.getString(6)) ? rs.getString(7)
                        : rs.getString(6) + "." + rs.getString(7);
                SchemaObject fk = MetadataSnapshot.foreignKey(table, columns, referenced,
                        Arrays.asList(rs.getString(8).split(", ")), rule(rs.getString(9)), rule(rs.getString(10)),
                        given);
                return !rs.getBoolean(11) ? fk : withAttribute(fk, "deferrable",
                        definition.contains("INITIALLY DEFERRED") ? "initially deferred" : "initially immediate");
            case "c":
                var m = CHECK.matcher(definition);
                return MetadataSnapshot.check(table, m.matches() ? "(" + m.group(1) + ")" : definition, given);
            default:
                return new SchemaObject("exclusion", table + ": " + definition,
                        given == null ? Map.of() : Map.of("name", given));
        }
    }

    /**
     * Whether PostgreSQL made the constraint's name up: it names an unnamed constraint {@code orders_pkey},
     * {@code orders_customer_id_fkey}, {@code orders_qty_check} (plus a number on a clash), so such a name is not the
     * author's. Written out rather than as a regular expression built from the table's name, which compiled one
     * pattern per constraint of every snapshot.
     */
    static boolean generatedName(String table, String name) {
        if (name.length() <= table.length() + 1 || !name.startsWith(table) || name.charAt(table.length()) != '_') {
            return false;
        }
        int end = name.length();
        while (end > table.length() + 1 && Character.isDigit(name.charAt(end - 1))) {
            end--;
        }
        String rest = name.substring(table.length() + 1, end);
        return rest.endsWith("key") || rest.endsWith("check") || rest.endsWith("excl");
    }

    private static SchemaObject withAttribute(SchemaObject o, String key, String value) {
        Map<String, String> a = new LinkedHashMap<>(o.attributes());
        a.put(key, value);
        return new SchemaObject(o.kind(), o.name(), a);
    }

    private static SchemaObject function(CatalogRow rs, String schema) {
        String kind;
        switch (rs.getString(5)) {
            case "p": kind = "procedure"; break;
            case "a": kind = "aggregate"; break;
            default: kind = "function";
        }
        Map<String, String> a = new LinkedHashMap<>();
        if (rs.getString(3) != null) {
            a.put("returns", MetadataSnapshot.unqualify(rs.getString(3), schema));
        }
        a.put("language", rs.getString(4));
        a.put("volatility", switch (rs.getString(6)) {
            case "i" -> "immutable";
            case "s" -> "stable";
            default -> "volatile";
        });
        a.put("body", squeeze(rs.getString(7), schema));
        return new SchemaObject(kind, rs.getString(1) + "(" + MetadataSnapshot.unqualify(rs.getString(2), schema) + ")",
                a);
    }

    private static String rule(String code) {
        switch (code) {
            case "c": return "cascade";
            case "n": return "set null";
            case "d": return "set default";
            case "r": return "restrict";
            default: return "no action";
        }
    }

    private static String squeeze(String text, String schema) {
        return MetadataSnapshot.squeeze(MetadataSnapshot.unqualify(text, schema));
    }
}
