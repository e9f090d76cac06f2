package db.basic;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.sql.PreparedStatement;

/** A Java data migration found by scanning classpath:db/basic. */
public class V2__Backfill_emails implements JdbcMigration {
    @Override
    public void up(JdbcContext ctx) throws Exception {
        try (PreparedStatement s = ctx.connection().prepareStatement(
                "UPDATE users SET email = CONCAT(LOWER(name), ?) WHERE email IS NULL")) {
            s.setString(1, Emails.domain());
            s.executeUpdate();
        }
    }

    @Override
    public void down(JdbcContext ctx) throws Exception {
        try (PreparedStatement s = ctx.connection().prepareStatement("UPDATE users SET email = NULL")) {
            s.executeUpdate();
        }
    }
}
