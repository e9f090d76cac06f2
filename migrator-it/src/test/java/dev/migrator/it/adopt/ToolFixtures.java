package dev.migrator.it.adopt;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The other tools' real histories: the sample projects under {@code src/test/tools/<tool>} and what each tool built
 * on PostgreSQL and MariaDB, dumped to {@code src/test/resources/adopt/<tool>/<database>.sql} by
 * {@code src/test/tools/regenerate.sh}.
 */
final class ToolFixtures {
    /** The tool's migration files, as a user would point migrator's locations at them. */
    static final Map<String, String> FILES = Map.of(
            "alembic", "src/test/tools/alembic/migrations/versions",
            "django", "src/test/tools/django",
            "knex", "src/test/tools/knex/migrations",
            "sequelize", "src/test/tools/sequelize/migrations");

    /** What each tool applied in its fixture, in order, as {@code adopted()} lists it. */
    static final Map<String, List<String>> APPLIED = Map.of(
            "alembic", List.of("a1f0c2d3e4b5", "b2e1d3c4f5a6", "c3d2e4f5a6b7", "d4e3f5a6b7c8"),
            "django", List.of("ledger.0001_initial", "ledger.0002_account_iban", "audit.0001_initial"),
            "knex", List.of("20240101000000_create_accounts.js", "20240102000000_add_iban.js",
                    "20240103000000_create_audit.js"),
            "sequelize", List.of("20240101000000-create-accounts.js", "20240102000000-add-iban.js"));

    /** The tool's history table, as it creates it. */
    static final Map<String, String> TABLES = Map.of("alembic", "alembic_version", "django", "django_migrations",
            "knex", "knex_migrations", "sequelize", "SequelizeMeta");

    private ToolFixtures() {
    }

    static Path files(String tool) {
        return Path.of(FILES.get(tool)).toAbsolutePath();
    }

    static String location(String tool) {
        return "filesystem:" + files(tool);
    }

    /** Loads what {@code tool} built on a database of {@code db}'s kind: its history table and rows, and the schema. */
    static void load(TestDatabase db, String tool) {
        String resource = "adopt/" + tool + "/" + db.kind().key() + ".sql";
        String dump;
        try (InputStream in = ToolFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run src/test/tools/regenerate.sh");
            }
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (db.kind() == DatabaseKind.MARIADB) {
                // What the header of a full mysqldump does (--compact leaves the header out): tables come in name
                // order, before the tables their foreign keys name.
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            // pg_dump and mysqldump end every statement with ';' at the end of a line, and these dumps hold no
            // function bodies.
            for (String statement : dump.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The tool's history table as a quoted name for queries. */
    static String table(TestDatabase db, String tool) {
        String t = TABLES.get(tool);
        return db.kind() == DatabaseKind.MARIADB ? "`" + t + "`" : "\"" + t + "\"";
    }
}
