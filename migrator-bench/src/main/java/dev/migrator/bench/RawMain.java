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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The floor: what any tool must at least do, written by hand over plain JDBC on one connection.
 * <ul>
 * <li>{@code apply}: read the {@code V<n>__x.sql} files, create a history table, then per migration run its
 * statements, insert one history row and commit.</li>
 * <li>{@code apply-started}: the same with one more row, committed on its own, before each migration holding DDL
 * (which migrator cannot make atomic where DDL commits implicitly, and so precedes with a STARTED row): what that
 * row costs, measured without any tool around it.</li>
 * <li>{@code noop} (and {@code validate}, {@code info}): connect and read the whole history table once, then list,
 * read and hash every script and compare each checksum with its history row: the least a boot with nothing to do
 * must do to know that nothing changed. Like the tools, it fails when a script was edited or is not applied.</li>
 * </ul>
 * Like every child it starts SLF4J before its timed part ({@link ChildArgs#startLogging}), as a service has.
 */
public final class RawMain {
    private RawMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        ChildArgs.startLogging("raw JDBC");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args.url(), args.user(), ChildArgs.password())) {
            int applied = args.mode().startsWith("apply")
                    ? apply(c, args.scripts(), args.mode().equals("apply-started"))
                    : check(readHistory(c), args.scripts());
            ChildArgs.report(start, applied);
        }
    }

    /** The history's checksum per version. */
    private static Map<String, Long> readHistory(Connection c) throws SQLException {
        Map<String, Long> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, script, checksum, "
                     + "installed_on, execution_time, success FROM raw_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rs.getInt(1);
                String version = rs.getString(2);
                rs.getString(3);
                rs.getString(4);
                long checksum = rs.getLong(5);
                rs.getTimestamp(6);
                rs.getInt(7);
                if (rs.getBoolean(8)) {
                    applied.put(version, checksum);
                }
            }
        }
        return applied;
    }

    /**
     * Reads and hashes every {@code V<n>__x.sql} script (CRC32, as the floor's apply recorded it) and compares it with
     * the history: 0 pending, or an exception naming the first script that is edited or not applied.
     */
    private static int check(Map<String, Long> applied, Path dir) throws IOException {
        String[] names = dir.toFile().list();
        if (names == null) {
            throw new IOException(dir + " is not a directory");
        }
        CRC32 crc = new CRC32();
        for (String name : names) {
            int split = name.indexOf("__");
            if (name.charAt(0) != 'V' || split < 0 || !name.endsWith(".sql")) {
                continue;
            }
            crc.reset();
            crc.update(Files.readAllBytes(dir.resolve(name)));
            Long recorded = applied.get(name.substring(1, split));
            if (recorded == null || recorded != crc.getValue()) {
                throw new IllegalStateException(name + (recorded == null ? " is not applied" : " was edited"));
            }
        }
        return 0;
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
