package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MySQL and MariaDB: DDL commits implicitly, so a script holding DDL is not atomic; {@code GET_LOCK} is a session
 * lock; a "schema" is a database.
 */
public final class MySqlDialect extends JdbcDialect {
    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("MySQL") || productName.equals("MariaDB");
    }

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String currentSchema(Connection c) throws SQLException {
        return c.getCatalog();
    }

    @Override
    public boolean schemaExists(Connection c, String schema) throws SQLException {
        try (ResultSet rs = c.getMetaData().getCatalogs()) {
            while (rs.next()) {
                if (rs.getString(1).equals(schema)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void createSchema(Connection c, String schema) throws SQLException {
        execute(c, "CREATE DATABASE IF NOT EXISTS " + quote(schema));
    }

    @Override
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String before = c.getCatalog();
        c.setCatalog(schema);
        return () -> {
            if (before != null) {
                c.setCatalog(before);
            }
        };
    }

    @Override
    protected String catalogFor(Connection c, String schema) {
        return schema;
    }

    @Override
    protected String schemaFor(String schema) {
        return null;
    }

    @Override
    public String timestamp() {
        return "DATETIME(3)";
    }

    @Override
    public SessionLock sessionLock(Supplier<Connection> connections, String key) {
        // GET_LOCK names are at most 64 characters.
        String name = "migrator:" + Long.toHexString(LockKeys.fnv64(key));
        return new SqlSessionLock(connections, "SELECT GET_LOCK(?, 0)", "SELECT RELEASE_LOCK(?)", name);
    }

    /** Reads the catalog, one query per kind of object; see {@link MySqlSnapshot}. */
    @Override
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        return MySqlSnapshot.capture(c, schema, excluded);
    }
}
