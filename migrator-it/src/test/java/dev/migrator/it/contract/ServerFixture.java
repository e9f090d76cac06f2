package dev.migrator.it.contract;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;

/** A fresh database on one of the testkit's servers (H2 in memory, or the local PostgreSQL and MariaDB). */
abstract class ServerFixture extends SqlFixture {
    final TestDatabase db;

    ServerFixture(DatabaseKind kind) {
        db = TestDatabase.create(kind);
    }

    @Override
    String url() {
        return db.url();
    }

    @Override
    String user() {
        return db.user();
    }

    @Override
    String password() {
        return db.password();
    }

    @Override
    public void close() {
        db.close();
    }
}
