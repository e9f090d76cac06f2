package dev.migrator.bench;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.core.MarkChangeSetRanStatement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Prepares ("seeds") the databases the runner's S2 (no-op boot) and S5 (validate, info) use for Flyway and Liquibase
 * without running their apply, which takes far too long at N=10,000: the schema objects are created by running every
 * migration's statements over plain JDBC on one connection in batches, and the tool's history holds exactly the rows
 * the tool's own apply writes.
 *
 * <p>Command line (the runner's options where they apply; the jar's manifest puts {@code lib/} on the class path):
 * <pre>
 * java -cp migrator-bench/target/migrator-bench-0.1.0-SNAPSHOT.jar dev.migrator.bench.SeedPeers \
 *     --n 10000 [--databases h2,postgresql,mariadb] [--tools flyway,liquibase] [--db-prefix bench] \
 *     [--work DIR] [--postgres-url URL] [--mariadb-url URL] [--user USER] [--verify] [--keep]
 * </pre>
 * For each N, database and tool it writes the workload the runner writes for that N under the same {@code --work}
 * directory ({@code <work>/<db>-<N>}, the same bytes), then drops and creates the database
 * {@code Tool.database(prefix + "_n" + N)} (e.g. {@code bench_n10000_flyway}) and:
 * <ul>
 * <li>lets the tool create its own empty history table, by running the tool on an empty release: Flyway's
 * {@code migrate()} on an empty location creates {@code flyway_schema_history}; Liquibase's {@code update()} on an
 * empty changelog creates {@code DATABASECHANGELOGLOCK} (with its row) and {@code DATABASECHANGELOG}. Whatever the
 * tool writes on creating them is there as after its apply: on H2, Flyway's
 * {@code << Flyway Schema History table created >>} row at rank -1;</li>
 * <li>runs every migration's statements in order, batched, committing every {@value #BATCH} statements;</li>
 * <li>writes the history rows. Flyway: what {@code info().pending()} over the real location reports for each
 * migration (its version, description, type, script name and checksum, all computed by Flyway), with the
 * installed rank 1..N, {@code installed_by} as Flyway takes it (the session's user) and {@code success} true, the
 * columns Flyway's own insert names ({@code installed_on} takes the table's default, now). Liquibase: the changelog
 * parsed by Liquibase, and for each changeset the very INSERT its {@code MarkChangeSetRanGenerator} makes for
 * {@code EXECUTED} (checksum, description, order executed, Liquibase version, deployment id, all Liquibase's own),
 * executed as a JDBC batch.</li>
 * </ul>
 * Then S2 and S5 run on them with {@code --peer-apply-runs 0} and the same {@code --db-prefix}: the runner uses a
 * database as it is when its history holds all N migrations once.
 *
 * <p>{@code --verify} (meant for a small N, such as 200) also applies the release with the real tool (its child JVM,
 * as the runner's S1 does) into {@code Tool.database(prefix + "_ref_n" + N)}, and then compares the two: the history
 * table row by row and column by column (names, types and values; only the timestamps, execution times and
 * Liquibase's deployment id are left out, and {@code installed_by} is reported apart), Liquibase's lock table, and the
 * schema (every table's columns with their types, every index, and every table's row count; on H2 the generated
 * names of primary-key indexes are left out, as H2 picks them from what names are taken at the time). It then runs the
 * tool's {@code noop}, {@code validate} and {@code info} modes in child JVMs on the seeded database, each of which must
 * succeed and apply nothing. Both databases are dropped afterwards unless {@code --keep} is given. Exit status 0: all
 * seeded (and verified); 1: a difference or a failure; 2: bad usage.
 */
public final class SeedPeers {
    /** Statements per JDBC batch (and per commit) when creating the schema objects and writing history rows. */
    static final int BATCH = 500;
    /** Held so that its level stays set (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    private SeedPeers() {
    }

    /** Seeds (and with {@code --verify} checks) the databases; see the class comment for the command line. */
    public static void main(String[] argv) throws Exception {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean verify = args.remove("--verify");
        boolean keep = args.remove("--keep");
        Options o;
        List<Tool> tools;
        try {
            o = Options.parse(args.toArray(String[]::new));
            tools = args.contains("--tools") ? o.tools() : List.of(Tool.FLYWAY, Tool.LIQUIBASE);
            if (tools.contains(Tool.MIGRATOR)) {
                throw new Options.UsageException("SeedPeers seeds flyway and liquibase only");
            }
        } catch (Options.UsageException e) {
            System.err.println((e.getMessage() == null ? "" : e.getMessage() + "\n\n")
                    + "Usage: SeedPeers --n N[,N...] [--databases LIST] [--tools flyway,liquibase] [--db-prefix P] "
                    + "[--work DIR] [--postgres-url URL] [--mariadb-url URL] [--user USER] [--verify] [--keep]\n"
                    + "See the javadoc of dev.migrator.bench.SeedPeers.");
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        // No internet here: Liquibase's anonymous analytics would only wait for a connection timeout.
        System.setProperty("liquibase.analytics.enabled", "false");
        // The tools' INFO logging (slf4j-simple for Flyway, java.util.logging for Liquibase) would bury the results.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        String password = System.getenv(ChildArgs.PASSWORD_ENV) == null ? "migrator"
                : System.getenv(ChildArgs.PASSWORD_ENV);
        Servers servers = new Servers(o.postgresUrl(), o.mariadbUrl(), o.work().resolve("h2"), o.user(), password);
        ChildJvm jvm = verify ? new ChildJvm(servers, o.jvmOptions(), o.work().resolve("logs")) : null;
        boolean ok = true;
        for (int n : o.ns()) {
            for (DbKind db : o.databases()) {
                Path workload = Workload.write(o.work().resolve(db.id + "-" + n), n);
                for (Tool tool : tools) {
                    String name = tool.database(o.dbPrefix() + "_n" + n);
                    long start = System.nanoTime();
                    seed(servers, db, name, tool, workload, n, o.work());
                    System.err.printf(Locale.ROOT, "seeded %s for %s on %s: N=%d in %.1f s%n", name, tool.label,
                            db.id, n, (System.nanoTime() - start) / 1e9);
                    if (verify) {
                        String ref = tool.database(o.dbPrefix() + "_ref_n" + n);
                        try {
                            ok &= verify(servers, jvm, db, name, ref, tool, workload, n);
                        } finally {
                            if (!keep) {
                                servers.drop(db, name);
                                servers.drop(db, ref);
                            }
                        }
                    }
                }
            }
        }
        System.exit(ok ? 0 : 1);
    }

    /** Recreates database {@code name} holding what {@code tool}'s apply of the N-migration workload leaves. */
    static void seed(Servers servers, DbKind db, String name, Tool tool, Path workload, int n, Path work)
            throws Exception {
        long t0 = System.nanoTime();
        servers.recreate(db, name);
        String url = servers.url(db, name);
        // 1. The tool creates its history table itself, on an empty release.
        Path empty = Files.createDirectories(work.resolve("seed-empty").resolve(tool.name().toLowerCase(Locale.ROOT)));
        if (tool == Tool.FLYWAY) {
            Flyway.configure().dataSource(url, servers.user(), servers.password())
                    .locations("filesystem:" + empty.toAbsolutePath()).load().migrate();
        } else {
            Files.writeString(empty.resolve(Workload.CHANGELOG), "--liquibase formatted sql\n", StandardCharsets.UTF_8);
            try (Liquibase lb = new Liquibase(Workload.CHANGELOG, new DirectoryResourceAccessor(empty),
                    database(servers.connect(db, name)))) {
                lb.update(new Contexts(), new LabelExpression());
            }
            ChangeLogHistoryServiceFactory.getInstance().resetAll();
        }
        long t1 = System.nanoTime();
        // 2. The schema objects, over plain JDBC.
        try (Connection c = servers.connect(db, name)) {
            c.setAutoCommit(false);
            List<String> statements = new ArrayList<>();
            for (Workload.Step step : Workload.steps(n)) {
                statements.addAll(step.statements());
            }
            batch(c, statements);
        }
        long t2 = System.nanoTime();
        // 3. The history rows the tool's apply writes.
        if (tool == Tool.FLYWAY) {
            seedFlywayHistory(servers, db, name, workload, n);
        } else {
            seedLiquibaseHistory(servers, db, name, workload, n);
        }
        System.err.printf(Locale.ROOT, "  %s: database and empty history table %.1f s, schema objects %.1f s, "
                + "history rows %.1f s%n", name, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
    }

    private static void seedFlywayHistory(Servers servers, DbKind db, String name, Path workload, int n)
            throws SQLException {
        MigrationInfo[] pending = Flyway.configure()
                .dataSource(servers.url(db, name), servers.user(), servers.password())
                .locations("filesystem:" + Tool.FLYWAY.scripts(workload).toAbsolutePath()).load()
                .info().pending();
        if (pending.length != n) {
            throw new IllegalStateException("Flyway finds " + pending.length + " pending migrations, not " + n);
        }
        String insert = "INSERT INTO " + db.q("flyway_schema_history") + " (" + String.join(", ",
                List.of("installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                        "execution_time", "success").stream().map(db::q).toList())
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = servers.connect(db, name)) {
            String installedBy = flywayInstalledBy(c, db);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                int rank = 0;
                for (MigrationInfo m : pending) {
                    ps.setInt(1, ++rank);
                    ps.setString(2, m.getVersion().getVersion());
                    ps.setString(3, m.getDescription());
                    ps.setString(4, m.getType().name());
                    ps.setString(5, m.getScript());
                    ps.setObject(6, m.getChecksum(), java.sql.Types.INTEGER);
                    ps.setString(7, installedBy);
                    ps.setInt(8, 0);
                    ps.setBoolean(9, true);
                    ps.addBatch();
                    if (rank % BATCH == 0 || rank == pending.length) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** The user Flyway records: its databases' {@code getCurrentUser()} queries (PostgreSQL, MySQL/MariaDB, H2). */
    private static String flywayInstalledBy(Connection c, DbKind db) throws SQLException {
        String query = switch (db) {
            case POSTGRESQL -> "SELECT current_user";
            case MARIADB -> "SELECT SUBSTRING_INDEX(USER(),'@',1)";
            case H2 -> "SELECT USER()";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void seedLiquibaseHistory(Servers servers, DbKind db, String name, Path workload, int n)
            throws Exception {
        Connection c = servers.connect(db, name);
        Database database = database(c);
        try (Liquibase lb = new Liquibase(Workload.CHANGELOG,
                new DirectoryResourceAccessor(Tool.LIQUIBASE.scripts(workload)), database)) {
            DatabaseChangeLog changeLog = lb.getDatabaseChangeLog();
            if (changeLog.getChangeSets().size() != n) {
                throw new IllegalStateException("Liquibase parses " + changeLog.getChangeSets().size()
                        + " changesets, not " + n);
            }
            // One deployment id for the whole run, made as Liquibase makes it (the last 10 digits of the time).
            String millis = String.valueOf(System.currentTimeMillis());
            Scope.child(Scope.Attr.deploymentId, millis.substring(millis.length() - 10), () -> {
                ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance()
                        .getChangeLogService(database);
                history.init();
                List<String> inserts = new ArrayList<>(n);
                for (ChangeSet cs : changeLog.getChangeSets()) {
                    for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(
                            new MarkChangeSetRanStatement(cs, ChangeSet.ExecType.EXECUTED), database)) {
                        inserts.add(sql.toSql());
                    }
                }
                c.setAutoCommit(false);
                batch(c, inserts);
            });
        } finally {
            ChangeLogHistoryServiceFactory.getInstance().resetAll();
        }
    }

    private static Database database(Connection c) throws liquibase.exception.DatabaseException {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
    }

    /** Runs {@code statements} in order as JDBC batches, committing after each. */
    private static void batch(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            int i = 0;
            for (String sql : statements) {
                s.addBatch(sql);
                if (++i % BATCH == 0 || i == statements.size()) {
                    s.executeBatch();
                    c.commit();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- verification

    private static boolean verify(Servers servers, ChildJvm jvm, DbKind db, String seeded, String ref, Tool tool,
                                  Path workload, int n) throws Exception {
        String what = tool.label + " on " + db.id + " (N=" + n + ")";
        servers.recreate(db, ref);
        String tag = db.id + "-" + n + "-seedref-" + tool.name().toLowerCase(Locale.ROOT);
        ChildJvm.Sample s = jvm.run(tool, "apply", db, ref, workload, tag);
        System.err.printf(Locale.ROOT, "applied %s with %s itself in %.1f s%n", ref, tool.label,
                s.wallMillis() / 1000);
        List<String> diffs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int rows = compareTables(servers, db, seeded, ref, historyTable(db, tool), historyOrder(db, tool),
                ignored(tool), diffs, notes);
        Servers.HistoryTally before = servers.tally(db, seeded, tool);
        if (before.distinct() != n || before.duplicates() != 0) {
            diffs.add("the seeded history records " + before.distinct() + " of " + n + " migrations and "
                    + before.duplicates() + " duplicates");
        }
        if (tool == Tool.LIQUIBASE) {
            compareTables(servers, db, seeded, ref, "DATABASECHANGELOGLOCK", "ID", Set.of(), diffs, notes);
        }
        List<String> a = schema(servers, db, seeded);
        List<String> b = schema(servers, db, ref);
        if (!a.equals(b)) {
            diffs.add("schemas differ: seeded has " + minus(a, b) + " that the tool's apply has not, and lacks "
                    + minus(b, a));
        }
        for (String mode : List.of("noop", "validate", "info")) {
            ChildJvm.Sample boot;
            try {
                boot = jvm.run(tool, mode, db, seeded, workload,
                        db.id + "-" + n + "-seeded-" + mode + "-" + tool.name().toLowerCase(Locale.ROOT));
            } catch (ChildJvm.ChildFailed e) {
                diffs.add(mode + " failed on the seeded database: " + e.getMessage());
                continue;
            }
            if (boot.applied() > 0) {
                diffs.add(mode + " applied " + boot.applied() + " migrations on the seeded database");
            }
            System.err.printf(Locale.ROOT, "  %s %s on the seeded database: ok, applied %d (-1: not said), "
                    + "%.0f ms%n", tool.label, mode, boot.applied(), boot.migrateMillis());
        }
        Servers.HistoryTally t = servers.tally(db, seeded, tool);
        if (t.distinct() != n || t.duplicates() != 0 || count(servers, db, seeded, historyTable(db, tool)) != rows) {
            diffs.add("after the boots the seeded history no longer holds exactly the N rows");
        }
        for (String note : notes) {
            System.err.println("  note: " + note);
        }
        if (diffs.isEmpty()) {
            System.err.println("VERIFIED " + what + ": " + rows + " history rows, schema of "
                    + a.size() + " columns/indexes/tables identical; noop, validate and info applied nothing");
            return true;
        }
        System.err.println("DIFFERENT " + what + ":");
        diffs.stream().limit(20).forEach(d -> System.err.println("  " + d.lines().limit(8)
                .reduce((x, y) -> x + "\n    " + y).orElse("")));
        return false;
    }

    private static String historyTable(DbKind db, Tool tool) {
        return tool == Tool.FLYWAY ? db.q("flyway_schema_history") : "DATABASECHANGELOG";
    }

    private static String historyOrder(DbKind db, Tool tool) {
        return tool == Tool.FLYWAY ? db.q("installed_rank") : "ORDEREXECUTED";
    }

    /** Columns whose values differ between any two runs of the tool: when, how long, which deployment. */
    private static Set<String> ignored(Tool tool) {
        return tool == Tool.FLYWAY ? Set.of("INSTALLED_ON", "EXECUTION_TIME")
                : Set.of("DATEEXECUTED", "DEPLOYMENT_ID");
    }

    /**
     * Compares two tables' column names and types and then their rows in {@code order}, value by value, except the
     * {@code ignored} columns (and {@code installed_by}, whose differences are notes). Returns the seeded row count.
     */
    private static int compareTables(Servers servers, DbKind db, String seeded, String ref, String table,
                                     String order, Set<String> ignored, List<String> diffs, List<String> notes)
            throws SQLException {
        String sql = "SELECT * FROM " + table + " ORDER BY " + order;
        try (Connection ca = servers.connect(db, seeded); Connection cb = servers.connect(db, ref);
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement();
             ResultSet ra = sa.executeQuery(sql); ResultSet rb = sb.executeQuery(sql)) {
            ResultSetMetaData ma = ra.getMetaData();
            ResultSetMetaData mb = rb.getMetaData();
            List<String> colsA = columns(ma);
            List<String> colsB = columns(mb);
            if (!colsA.equals(colsB)) {
                diffs.add(table + " columns differ: seeded " + colsA + ", tool " + colsB);
                return -1;
            }
            int row = 0;
            while (true) {
                boolean hasA = ra.next();
                boolean hasB = rb.next();
                if (!hasA || !hasB) {
                    if (hasA != hasB) {
                        diffs.add(table + ": the " + (hasA ? "seeded" : "tool's") + " table has more than " + row
                                + " rows");
                    }
                    return row + (hasA ? 1 : 0);
                }
                row++;
                for (int i = 1; i <= ma.getColumnCount(); i++) {
                    String col = ma.getColumnLabel(i).toUpperCase(Locale.ROOT);
                    if (ignored.contains(col)) {
                        continue;
                    }
                    String va = ra.getString(i);
                    String vb = rb.getString(i);
                    if (!Objects.equals(va, vb)) {
                        String d = table + " row " + row + " " + col + ": seeded '" + va + "', tool '" + vb + "'";
                        if (col.equals("INSTALLED_BY")) {
                            if (notes.isEmpty()) {
                                notes.add(d);
                            }
                        } else {
                            diffs.add(d);
                        }
                    }
                }
            }
        }
    }

    private static List<String> columns(ResultSetMetaData m) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            out.add(m.getColumnLabel(i).toUpperCase(Locale.ROOT) + " " + m.getColumnTypeName(i) + "("
                    + m.getPrecision(i) + "," + m.getScale(i) + ")" + (m.isNullable(i) == 0 ? " NOT NULL" : ""));
        }
        return out;
    }

    /** Every column (with type, size, nullability, default), index and table row count of the database, sorted. */
    private static List<String> schema(Servers servers, DbKind db, String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = servers.connect(db, name)) {
            DatabaseMetaData md = c.getMetaData();
            String catalog = c.getCatalog();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
                while (rs.next()) {
                    if (tables.contains(rs.getString("TABLE_NAME"))) {
                        out.add("column " + rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " "
                                + rs.getString("TYPE_NAME") + "(" + rs.getString("COLUMN_SIZE") + ","
                                + rs.getString("DECIMAL_DIGITS") + ") null=" + rs.getString("IS_NULLABLE")
                                + " default=" + rs.getString("COLUMN_DEF"));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            // H2 names an unnamed primary key's index PRIMARY_KEY_<a hash prefix>, made unique
                            // against the names taken at that moment: not part of what the migrations define.
                            String index = db == DbKind.H2 && rs.getString("INDEX_NAME").startsWith("PRIMARY_KEY_")
                                    ? "PRIMARY_KEY_<generated>" : rs.getString("INDEX_NAME");
                            out.add("index " + table + "." + index + " unique="
                                    + !rs.getBoolean("NON_UNIQUE") + " " + rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                String quoted = table.equals(table.toLowerCase(Locale.ROOT)) ? db.q(table) : table;
                out.add("rows " + table + " " + count(c, quoted));
            }
        }
        out.sort(null);
        return out;
    }

    private static int count(Servers servers, DbKind db, String name, String table) throws SQLException {
        try (Connection c = servers.connect(db, name)) {
            return count(c, table);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out.size() > 5 ? out.subList(0, 5) : out;
    }
}
