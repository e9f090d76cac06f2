package dev.migrator.it.contract;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import dev.migrator.jdbc.JdbcTarget;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What every relational fixture shares: SQL scripts and reading back over JDBC. */
abstract class SqlFixture extends TargetFixture {
    abstract String url();

    abstract String user();

    abstract String password();

    @Override
    MigrationTarget rawTarget() {
        return JdbcTarget.of(url(), user(), password());
    }

    @Override
    String create(String name) {
        return "CREATE TABLE " + name + " (id INT PRIMARY KEY)";
    }

    @Override
    String drop(String name) {
        return "DROP TABLE " + name;
    }

    @Override
    String insert(String table, int id) {
        return "INSERT INTO " + table + " (id) VALUES (" + id + ")";
    }

    @Override
    String deleteAll(String table) {
        return "DELETE FROM " + table + " WHERE id IS NOT NULL"; // all rows, without tripping the linter
    }

    @Override
    String failing() {
        return "INSERT INTO missing_table (id) VALUES (1)";
    }

    /** One statement a line, each ended by the dialect's terminator. */
    @Override
    String script(String... statements) {
        String end = terminator();
        return Arrays.stream(statements).map(s -> s + end + "\n").collect(Collectors.joining());
    }

    String terminator() {
        return ";";
    }

    @Override
    void execute(String statement) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    @Override
    long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Migration<?> javaCreate(String version, String table) {
        return new CreateTable(this, version, table);
    }

    /** A Java migration that creates a table and drops it when undone. */
    private record CreateTable(SqlFixture f, String version, String table) implements JdbcMigration {
        @Override
        public void up(JdbcContext context) throws SQLException {
            try (Statement s = context.connection().createStatement()) {
                s.execute(f.create(table));
            }
        }

        @Override
        public void down(JdbcContext context) throws SQLException {
            try (Statement s = context.connection().createStatement()) {
                s.execute(f.drop(table));
            }
        }

        @Override
        public String description() {
            return "Create " + table;
        }
    }

    /** Whether a table of this name (in any case) exists, migrator's own included. */
    boolean hasTable(String name) {
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }
}
