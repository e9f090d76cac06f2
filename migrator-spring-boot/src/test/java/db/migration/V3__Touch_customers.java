package db.migration;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.sql.Statement;

/** A Java migration found by scanning db/migration: the runtime hints must name it. */
public class V3__Touch_customers implements JdbcMigration {
    @Override
    public void up(JdbcContext ctx) throws Exception {
        try (Statement s = ctx.connection().createStatement()) {
            s.executeUpdate("UPDATE customers SET name = name");
        }
    }
}
