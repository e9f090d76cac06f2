package dev.migrator.testkit;

import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema snapshots of H2, PostgreSQL and MariaDB: what they hold, that they are stable, how they differ. */
class SchemaSnapshotIT {
    private static final String SHOP = "classpath:db/snapshot/shop/";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void snapshot_printsEveryObjectOnALine_withoutTheHistoryAndLockTables(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        shop(db).build().migrate();

        SchemaSnapshot snapshot = SchemaSnapshot.of(JdbcTarget.of(db.dataSource()));

        assertThat(snapshot.toString() + "\n").isEqualTo(resource("db/snapshot/shop-" + kind.key() + ".txt"));
        assertThat(snapshot.toString().toLowerCase(Locale.ROOT)).doesNotContain("migrator_");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sameMigrations_giveEqualSnapshots_evenWhereTheDatabaseGeneratedOtherConstraintNames(DatabaseKind kind) {
        TestDatabase first = databases.create(kind);
        TestDatabase second = databases.create(kind);
        // Moves the counters that generated names come from (H2's CONSTRAINT_8B, MariaDB's ..._ibfk_1).
        second.execute("CREATE TABLE scratch (id INT NOT NULL PRIMARY KEY, v INT UNIQUE, CHECK (v > 0))");
        second.execute("DROP TABLE scratch");
        shop(first).build().migrate();
        shop(second).build().migrate();

        SchemaSnapshot a = SchemaSnapshot.of(JdbcTarget.of(first.dataSource()));
        SchemaSnapshot b = SchemaSnapshot.of(JdbcTarget.of(second.dataSource()));

        assertThat(a.diff(b)).isEmpty();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void diff_saysWhatOneSideHasAndTheOtherLacks_andWhichAttributeChanged(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        JdbcTarget target = JdbcTarget.of(db.dataSource());
        shop(db).build().migrate();
        // tag::schema-snapshot[]
        SchemaSnapshot before = SchemaSnapshot.of(target);
        db.execute("CREATE INDEX customers_status_idx ON customers (status)");
        db.execute("ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'vip'");

        SchemaSnapshot after = SchemaSnapshot.of(target);
        List<String> differences = after.diff(before);
        // end::schema-snapshot[]

        String customers = ReversibilityCheckIT.id(kind, "customers");
        assertThat(differences).containsExactly(
                "column " + customers + "." + ReversibilityCheckIT.id(kind, "status")
                        + ": default 'vip' in this snapshot, 'new' in the other",
                "index " + ReversibilityCheckIT.id(kind, "customers_status_idx") + " on "
                        + ReversibilityCheckIT.id(kind, "customers(status)") + ": present in this snapshot, absent in "
                        + "the other");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void ofMigrator_readsTheMigratorsSchema_withoutItsOwnHistoryTable() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Migrator migrator = shop(db).schema("shop").historyTable("shop_history").build();
        migrator.migrate();

        SchemaSnapshot ofMigrator = SchemaSnapshot.of(migrator);

        assertThat(ofMigrator.toString()).contains("table customers", "enum type order_status")
                .doesNotContain("shop_history");
        assertThat(SchemaSnapshot.of(JdbcTarget.of(db.dataSource())).toString())
                .as("the connection's default schema, public, holds nothing").isEmpty();
    }

    @Test
    void snapshotOfTwoHundredTables_takesAboutAsLongAsOfTwo() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        JdbcTarget target = JdbcTarget.of(db.dataSource());
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id INT PRIMARY KEY, parent INT REFERENCES t")
                    .append(Math.max(0, i - 1)).append(" (id), name VARCHAR(50) DEFAULT 'x' CHECK (name <> ''));\n")
                    .append("CREATE INDEX t").append(i).append("_name_idx ON t").append(i).append(" (name);\n");
        }
        db.execute(ddl.toString());
        SchemaSnapshot.of(target);

        long start = System.nanoTime();
        SchemaSnapshot snapshot = SchemaSnapshot.of(target);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // 200 tables, 600 columns, 200 keys, 200 foreign keys, 200 checks, 200 indexes.
        assertThat(snapshot.toString().lines()).hasSize(1600);
        assertThat(millis).as("one query per kind of object, not per table").isLessThan(3_000);
    }

    private static Migrator.Builder shop(TestDatabase db) {
        return Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations(SHOP + "common", SHOP + db.kind().key());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaSnapshotIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
