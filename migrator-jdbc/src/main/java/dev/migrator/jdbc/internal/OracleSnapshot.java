package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Oracle adds to the metadata snapshot that is not the schema, taken out so that a schema built twice (up, down,
 * up) compares equal. The recycle bin: a dropped table and its indexes stay visible as {@code BIN$...} until purged;
 * its tables are found in {@code ALL_TABLES} and left out before the metadata is read. And names Oracle makes up
 * inside other names and defaults: {@code ISEQ$$_73165}, an identity column's sequence in its default, and
 * {@code SYS_NC00005$}, the hidden column behind a function-based index. Generated constraint and index names
 * ({@code SYS_C0012345}) are already left out by {@link MetadataSnapshot}.
 */
final class OracleSnapshot {
    private static final Pattern IDENTITY_SEQUENCE = Pattern.compile("ISEQ\\$\\$_\\d+");
    private static final Pattern HIDDEN_COLUMN = Pattern.compile("SYS_NC\\d+\\$");
    private static final String RECYCLE_BIN = "SELECT table_name FROM all_tables WHERE owner = ? AND dropped = 'YES'";

    private OracleSnapshot() {
    }

    /** The dropped tables of {@code schema} that the recycle bin still holds. */
    static List<String> recycleBin(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        MetadataSnapshot.each(c, RECYCLE_BIN, List.of(schema), rs -> tables.add(rs.getString(1)));
        return tables;
    }

    static SchemaModel normalize(SchemaModel model) {
        List<SchemaObject> objects = new ArrayList<>();
        for (SchemaObject o : model.objects()) {
            if (o.name().startsWith("BIN$")) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            o.attributes().forEach((k, v) -> attributes.put(k, generic(v)));
            objects.add(new SchemaObject(o.kind(), generic(o.name()), attributes));
        }
        return new SchemaModel(objects);
    }

    private static String generic(String text) {
        if (text == null) {
            return null;
        }
        String t = IDENTITY_SEQUENCE.matcher(text).replaceAll(Matcher.quoteReplacement("ISEQ$$_(generated)"));
        return HIDDEN_COLUMN.matcher(t).replaceAll(Matcher.quoteReplacement("SYS_NC(generated)$"));
    }
}
