package dev.migrator.it.contract;

import dev.migrator.testkit.DatabaseKind;

/** The local PostgreSQL: transactional DDL, an advisory lock held by the migrating session. Never skipped. */
final class PostgresFixture extends ServerFixture {
    PostgresFixture() {
        super(DatabaseKind.POSTGRESQL);
    }

    @Override
    void endOtherSessions() {
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
}
