package dev.migrator.it.contract;

import dev.migrator.testkit.DatabaseKind;

/** H2 in memory: DDL commits at once, and the lock is a lease row. */
final class H2Fixture extends ServerFixture {
    H2Fixture() {
        super(DatabaseKind.H2);
    }
}
