package dev.migrator.it;

import dev.migrator.api.TargetException;
import dev.migrator.core.Migrator;
import dev.migrator.core.SchemaDrift;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drift detection on every relational database: the snapshot each run stores, and checkDrift() against it. */
class DriftIT {
    private static final String BASIC = "classpath:db/rollback/basic";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterACleanMigrate_thereIsNoDrift(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();

        migrator.migrate();

        SchemaDrift drift = SchemaDrift.check(migrator);
        assertThat(drift.hasSnapshot()).isTrue();
        assertThat(drift.snapshotVersion()).isEqualTo("4");
        assertThat(drift.differences()).isEmpty();
        assertThat(migrator.checkDrift()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aColumnAddedAndAnIndexDroppedByHand_areReported(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();

        db.execute("ALTER TABLE orders ADD note VARCHAR(20)");
        db.execute(kind == DatabaseKind.MARIADB ? "DROP INDEX orders_customer_idx ON orders"
                : "DROP INDEX orders_customer_idx");

        // tag::check-drift[]
        List<String> differences = migrator.checkDrift();
        // On PostgreSQL, one line per difference:
        // column orders.note: present now, absent after the last migration run
        // index orders_customer_idx on orders: present after the last migration run, absent now
        // end::check-drift[]
        List<String> drift = differences.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        assertThat(drift).hasSize(2);
        assertThat(drift).anySatisfy(l -> assertThat(l)
                .startsWith("column orders.note").endsWith(": present now, absent after the last migration run"));
        assertThat(drift).anySatisfy(l -> assertThat(l).startsWith("index orders_customer_idx")
                .endsWith(": present after the last migration run, absent now"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRollbackThenMigrate_leavesNoDrift_andEachStoresASnapshot(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();

        String after = migrator.rollback(2).versionAfter();
        assertThat(migrator.checkDrift()).isEmpty();
        assertThat(SchemaDrift.check(migrator).snapshotVersion()).isEqualTo(after);
        migrator.migrate();

        assertThat(migrator.checkDrift()).isEmpty();
        assertThat(snapshotsStored(db)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNoOpBoot_neitherTakesNorReadsASnapshot(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        migrator(db, BASIC).build().migrate();
        List<String> seen = new CopyOnWriteArrayList<>();
        Migrator boot = migrator(db, BASIC).target(JdbcTarget.of(recording(db.dataSource(), seen))).build();

        boot.migrate();

        assertThat(snapshotsStored(db)).isEqualTo(1);
        assertThat(seen).as("SQL and metadata look-ups of the no-op boot").isNotEmpty()
                .noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("migrator_snapshot"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDatabaseNeverMigratedSinceTheUpgrade_hasNoSnapshot_andNoDrift(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();

        SchemaDrift drift = SchemaDrift.check(migrator);

        assertThat(drift.hasSnapshot()).isFalse();
        assertThat(drift.differences()).isEmpty();
        assertThat(tableExists(db, "migrator_snapshot")).isFalse();
    }

    /**
     * PostgreSQL, MariaDB and H2 store what their catalog said, so that a run builds no model. A snapshot that an
     * earlier release stored in the engine's encoding (taken of this schema by that release: db/drift/shop-*-s1.txt)
     * still reads, and equals the live schema built from the catalog text, so the two ways of reading the catalog
     * agree; a change made by hand after it is reported, and a damaged catalog text is said to be one.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSnapshotOfAnEarlierRelease_stillCompares_andARunStoresTheCatalogText(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        // The testkit's shop schema, whose snapshot its golden files pin (SchemaSnapshotIT), read where it lies.
        Path shop = Path.of("../migrator-testkit/src/test/resources/db/snapshot/shop").toAbsolutePath().normalize();
        Migrator migrator = migrator(db, "filesystem:" + shop.resolve("common"),
                "filesystem:" + shop.resolve(kind.key())).build();
        migrator.migrate();
        String table = kind == DatabaseKind.MARIADB ? "migrator_snapshot" : "\"migrator_snapshot\"";
        assertThat(query(db, "SELECT content FROM " + table + " WHERE part = 0").get(0).get(0))
                .startsWith("catalog1:");
        assertThat(migrator.checkDrift()).isEmpty();

        String earlier;
        try (InputStream in = DriftIT.class.getResourceAsStream("/db/drift/shop-" + kind.key() + "-s1.txt")) {
            earlier = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        db.execute("DELETE FROM " + table + " WHERE part > 0");
        db.execute("UPDATE " + table + " SET content = '" + earlier + "'");
        assertThat(migrator.checkDrift()).isEmpty();

        db.execute("ALTER TABLE orders ADD COLUMN extra INT");
        assertThat(migrator.checkDrift()).map(l -> l.toLowerCase(Locale.ROOT))
                .containsExactly("column orders.extra: present now, absent after the last migration run");

        db.execute("UPDATE " + table + " SET content = 'catalog1:H4sIAAAA'");
        assertThatThrownBy(migrator::checkDrift).isInstanceOf(TargetException.class)
                .hasMessageContaining("stored schema snapshot cannot be read").hasMessageContaining("stores a new one");
    }

    private static int snapshotsStored(TestDatabase db) {
        String table = db.kind() == DatabaseKind.MARIADB ? "migrator_snapshot" : "\"migrator_snapshot\"";
        return Integer.parseInt(query(db, "SELECT COUNT(DISTINCT seq) FROM " + table).get(0).get(0));
    }

    /** A data source whose connections note every SQL text and table look-up, to see what a run touched. */
    private static DataSource recording(DataSource real, List<String> seen) {
        return (DataSource) Proxy.newProxyInstance(DriftIT.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Connection c ? wrap(Connection.class, c, seen) : result;
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T real, List<String> seen) {
        return (T) Proxy.newProxyInstance(DriftIT.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (args != null) {
                        for (Object a : args) {
                            if (a instanceof String s) {
                                seen.add(method.getName() + " " + s);
                            }
                        }
                    }
                    Object result = invoke(real, method, args);
                    if (result instanceof DatabaseMetaData md && !(result instanceof Proxy)) {
                        return wrap(DatabaseMetaData.class, md, seen);
                    }
                    if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                        return wrap(Statement.class, s, seen);
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
