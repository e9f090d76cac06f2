package db.helperclass;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.sql.Statement;

/** Fixture: a Java migration that uses a helper class kept next to it, in the same package. */
public class V1__Create_ledger implements JdbcMigration {
    @Override
    public void up(JdbcContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.execute("CREATE TABLE " + LedgerNames.table() + " (id BIGINT PRIMARY KEY)");
        }
    }
}
