package dev.migrator.it.contract;

import dev.migrator.testkit.DatabaseKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The local MariaDB: DDL commits at once, GET_LOCK held by the migrating session. Never skipped. */
final class MariaDbFixture extends ServerFixture {
    MariaDbFixture() {
        super(DatabaseKind.MARIADB);
    }

    @Override
    void endOtherSessions() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist "
                    + "WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL " + id);
                } catch (SQLException gone) {
                    // It ended by itself in the meantime.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
