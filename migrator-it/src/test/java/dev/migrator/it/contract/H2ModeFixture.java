package dev.migrator.it.contract;

import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.jdbc.JdbcTarget;

/**
 * H2 in a compatibility mode with another database's dialect forced: that dialect's scripts, history table,
 * transaction discipline and (no session lock on H2) lease lock, without its server. What H2 cannot show (the real
 * lock, DDL rolled back) runs against the real server in SqlServerIT and OracleIT where Docker is.
 */
abstract class H2ModeFixture extends SqlFixture {
    private final String url;
    private final String dialect;

    H2ModeFixture(String mode, String dialect) {
        this.url = "jdbc:h2:mem:" + dialect + System.nanoTime() + ";MODE=" + mode + ";DB_CLOSE_DELAY=-1";
        this.dialect = dialect;
    }

    @Override
    MigrationTarget rawTarget() {
        return JdbcTarget.of(url, user(), password()).dialect(dialect);
    }

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    public void close() {
        execute("SHUTDOWN");
    }

    /** SQL Server's dialect: T-SQL in GO batches, DDL declared atomic (which H2 cannot honour). */
    static final class SqlServerOnH2 extends H2ModeFixture {
        SqlServerOnH2() {
            super("MSSQLServer", "sqlserver");
        }

        @Override
        String terminator() {
            return "\nGO";
        }

        @Override
        boolean ddlRollsBack() {
            return false;
        }

        @Override
        public String toString() {
            return "SqlServerOnH2";
        }
    }

    /** Oracle's dialect: DDL commits at once, so each DDL migration is announced by a STARTED row. */
    static final class OracleOnH2 extends H2ModeFixture {
        OracleOnH2() {
            super("Oracle", "oracle");
        }

        @Override
        public String toString() {
            return "OracleOnH2";
        }
    }
}
