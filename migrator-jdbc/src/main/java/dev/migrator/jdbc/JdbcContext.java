package dev.migrator.jdbc;

import java.sql.Connection;

/** What a {@link JdbcMigration} is handed. Valid only during the call; used by one thread. */
public interface JdbcContext {

    /**
     * The connection the engine opened, inside the migration's transaction where the database has one, with the
     * configured schema current. Do not commit, roll back or close it.
     */
    Connection connection();
}
