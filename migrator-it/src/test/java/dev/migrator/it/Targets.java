package dev.migrator.it;

import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** What the ITs share: a migrator over a test database, and reading what users would see. */
final class Targets {
    private Targets() {
    }

    /**
     * Whether a failed DDL statement rolls back with its transaction. Only PostgreSQL here: MariaDB and H2 2.x commit
     * DDL at once, so their failed DDL migrations are FAILED until repair, and each is announced by a STARTED row.
     */
    static boolean transactionalDdl(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL;
    }

    /** The dialect-specific placeholder values the shared fixtures use. */
    static Map<String, String> placeholders(DatabaseKind kind) {
        boolean maria = kind == DatabaseKind.MARIADB;
        return Map.of("onUsers", maria ? " ON users" : "", "onOrders", maria ? " ON orders" : "");
    }

    static Migrator.Builder migrator(TestDatabase db, String... locations) {
        return Migrator.builder()
                .target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations(locations)
                .placeholders(placeholders(db.kind()));
    }

    static List<List<String>> query(TestDatabase db, String sql) {
        return db.query(sql);
    }

    /** The history table's name, quoted as created (H2 would otherwise read it upper-cased). */
    static String historyTable(TestDatabase db) {
        return db.kind() == DatabaseKind.MARIADB ? "migrator_history" : "\"migrator_history\"";
    }

    /**
     * The history as "version action outcome" rows, in rank order, without the STARTED rows that precede every
     * non-atomic migration (all DDL on MariaDB): see {@link #allHistory} for those.
     */
    static List<String> history(TestDatabase db) {
        return allHistory(db).stream().filter(r -> !r.endsWith(" STARTED")).toList();
    }

    /** Every history row as "version action outcome", in rank order. */
    static List<String> allHistory(TestDatabase db) {
        return query(db, "SELECT version, action, outcome, script FROM " + historyTable(db)
                + " ORDER BY installed_rank").stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList();
    }

    static boolean tableExists(TestDatabase db, String table) {
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getTables(db.kind() == DatabaseKind.MARIADB ? db.name() : null,
                     schemaOf(db), "%", new String[]{"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default schema tests create tables in (MariaDB has none: its database is the catalog). */
    static String schemaOf(TestDatabase db) {
        return db.kind() == DatabaseKind.POSTGRESQL ? "public" : db.kind() == DatabaseKind.H2 ? "PUBLIC" : null;
    }

    static void execute(TestDatabase db, String sql) {
        db.execute(sql);
    }
}
