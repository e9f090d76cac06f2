package db.rollback.basic;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.sql.Statement;

/** A Java migration with a down, undone by a rollback. */
public class V3__Create_audit implements JdbcMigration {
    @Override
    public void up(JdbcContext ctx) throws Exception {
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("CREATE TABLE audit (id INT PRIMARY KEY, note VARCHAR(100))");
        }
    }

    @Override
    public void down(JdbcContext ctx) throws Exception {
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("DROP TABLE audit");
        }
    }
}
