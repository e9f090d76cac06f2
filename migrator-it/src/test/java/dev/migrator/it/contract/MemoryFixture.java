package dev.migrator.it.contract;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.core.FakeTarget;

import java.util.List;

/**
 * Core's in-memory fake: the whole contract in milliseconds. Its statements are words ({@code create t},
 * {@code insert t 1}, {@code FAIL}); its tables are what the create and drop lines leave. Atomic or not, so both
 * paths of a failure run without a database.
 */
final class MemoryFixture extends TargetFixture {
    private final FakeTarget fake;
    private final boolean atomic;

    MemoryFixture(boolean atomic) {
        this.fake = new FakeTarget(atomic);
        this.atomic = atomic;
    }

    @Override
    MigrationTarget rawTarget() {
        return fake;
    }

    @Override
    String create(String name) {
        return "create " + name;
    }

    @Override
    String drop(String name) {
        return "drop " + name;
    }

    @Override
    String insert(String table, int id) {
        return "insert " + table + " " + id;
    }

    @Override
    String deleteAll(String table) {
        return "clear " + table;
    }

    @Override
    String failing() {
        return "FAIL";
    }

    @Override
    String script(String... statements) {
        return String.join("\n", statements) + "\n";
    }

    @Override
    void execute(String statement) {
        fake.apply(statement);
    }

    @Override
    long count(String table) {
        long rows = 0;
        for (String line : fake.applied()) {
            if (line.equals(create(table)) || line.equals(drop(table)) || line.equals(deleteAll(table))) {
                rows = 0;
            } else if (line.startsWith("insert " + table + " ")) {
                rows++;
            }
        }
        return rows;
    }

    @Override
    Migration<?> javaCreate(String version, String table) {
        return new CreateTable(version, table);
    }

    /** A Java migration that adds the create line, and the drop line when undone. */
    private record CreateTable(String version, String table) implements Migration<List<String>> {
        @Override
        public void up(List<String> db) {
            db.add("create " + table);
        }

        @Override
        public void down(List<String> db) {
            db.add("drop " + table);
        }

        @Override
        public String description() {
            return "Create " + table;
        }
    }

    @Override
    public String toString() {
        return atomic ? "Memory" : "MemoryNonAtomic";
    }
}
