package dev.migrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The floor: what any tool must at least do, written by hand over plain JDBC on one connection.
 * <ul>
 * <li>{@code apply}: read the {@code V<n>__x.sql} files, create a history table, then per migration run its
 * statements, insert one history row and commit.</li>
 * <li>{@code apply-started}: the same with one more row, committed on its own, before each migration holding DDL
 * (which migrator cannot make atomic where DDL commits implicitly, and so precedes with a STARTED row): what that
 * row costs, measured without any tool around it.</li>
 * <li>{@code noop}: connect and read the whole history table once (the floor of a boot with nothing to do).</li>
 * </ul>
 */
public final class RawMain {
    private RawMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args.url(), args.user(), ChildArgs.password())) {
            int applied = args.mode().equals("noop") ? readHistory(c)
                    : apply(c, args.scripts(), args.mode().equals("apply-started"));
            ChildArgs.report(start, applied);
        }
    }

    private static int readHistory(Connection c) throws SQLException {
        int rows = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, script, checksum, "
                     + "installed_on, execution_time, success FROM raw_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rs.getInt(1);
                rs.getString(2);
                rs.getString(3);
                rs.getString(4);
                rs.getLong(5);
                rs.getTimestamp(6);
                rs.getInt(7);
                rs.getBoolean(8);
                rows++;
            }
        }
        return rows == 0 ? -1 : 0;
    }

    private static int apply(Connection c, Path dir, boolean startedRow) throws SQLException, IOException {
        List<Path> scripts = Workload.versionedScripts(dir);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), "
                    + "description VARCHAR(200) NOT NULL, script VARCHAR(1000) NOT NULL, checksum BIGINT, "
                    + "installed_on TIMESTAMP NULL, execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
        }
        c.setAutoCommit(false);
        int rank = 0;
        try (Statement s = c.createStatement();
             PreparedStatement history = c.prepareStatement("INSERT INTO raw_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Path script : scripts) {
                String name = script.getFileName().toString();
                String text = Files.readString(script, StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(text.getBytes(StandardCharsets.UTF_8));
                String version = name.substring(1, name.indexOf("__"));
                String description = name.substring(name.indexOf("__") + 2, name.length() - 4);
                long began = System.nanoTime();
                List<String> statements = Workload.statements(text);
                if (startedRow && statements.stream().anyMatch(RawMain::isDdl)) {
                    insert(history, ++rank, version, description, name, crc.getValue(), 0, false);
                    c.commit();
                }
                for (String statement : statements) {
                    s.execute(statement);
                }
                int millis = (int) ((System.nanoTime() - began) / 1_000_000);
                insert(history, ++rank, version, description, name, crc.getValue(), millis, true);
                c.commit();
            }
        }
        return scripts.size();
    }

    private static boolean isDdl(String statement) {
        return statement.startsWith("CREATE") || statement.startsWith("ALTER") || statement.startsWith("DROP");
    }

    private static void insert(PreparedStatement history, int rank, String version, String description, String script,
                               long checksum, int millis, boolean success) throws SQLException {
        history.setInt(1, rank);
        history.setString(2, version);
        history.setString(3, description);
        history.setString(4, script);
        history.setLong(5, checksum);
        history.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
        history.setInt(7, millis);
        history.setBoolean(8, success);
        history.executeUpdate();
    }
}
