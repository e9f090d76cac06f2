package dev.migrator.it.adopt;

import dev.migrator.api.ValidationException;
import dev.migrator.core.AdoptResult;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopting a history written by the real Liquibase (4.33.0) from formatted-SQL changelogs, on PostgreSQL and
 * MariaDB: Liquibase runs {@code db/changelog/db.changelog-master.xml}, whose {@code includeAll} takes
 * {@code db/changelog/changes/}; migrator reads the same SQL files as migrations.
 */
class LiquibaseAdoptionIT {
    private static final String MASTER = "db/changelog/db.changelog-master.xml";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path root;

    private Path changes() {
        return root.resolve("db/changelog/changes");
    }

    /** The Liquibase project of docs/migrating-from-liquibase.md, copied so that tests may edit it. */
    private void liquibaseProject() throws Exception {
        copy("/db/adopt/liquibase", root);
    }

    private void nextChangeset() throws Exception {
        copy("/db/adopt/liquibase-next", changes());
    }

    private static void copy(String resource, Path to) throws Exception {
        Path from = Path.of(LiquibaseAdoptionIT.class.getResource(resource).toURI());
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    // tag::liquibase[]
    private void liquibase(TestDatabase db, boolean sync) throws Exception {
        try (Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase(MASTER, new DirectoryResourceAccessor(root), database)) {
                if (sync) {
                    liquibase.changeLogSync(new Contexts(), new LabelExpression());
                } else {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            }
        }
    }
    // end::liquibase[]

    private Migrator migrator(TestDatabase db) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + changes()).build();
    }

    private static List<String> info(Migrator m) {
        return m.info().stream().map(s -> s.version() + " " + s.state() + " " + s.script()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void adoptMigrateRollback_andInfoShowsTheWholeStory(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        liquibaseProject();
        liquibase(db, false);

        // tag::adopt[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + root.resolve("db/changelog/changes"))
                .build();
        AdoptResult adopted = migrator.adopt("liquibase");
        // adopted.adopted(): [001-users.sql::create-users::alice, 001-users.sql::add-name::alice,
        //                     002-orders.sql::create-orders::bob]; adopted.versionAfter(): "3"
        // end::adopt[]

        assertThat(adopted.table()).isEqualToIgnoringCase("databasechangelog");
        assertThat(adopted.adopted()).containsExactly("001-users.sql::create-users::alice",
                "001-users.sql::add-name::alice", "002-orders.sql::create-orders::bob");
        assertThat(adopted.versionAfter()).isEqualTo("3");

        nextChangeset();
        MigrateResult next = migrator(db).migrate();
        assertThat(next.versionBefore()).isEqualTo("3");
        assertThat(next.applied()).extracting(a -> a.script()).containsExactly("003-total.sql::add-total::carol");
        assertThat(db.query("SELECT COUNT(total) FROM orders")).containsExactly(List.of("0"));
        // tag::info[]
        assertThat(info(migrator(db))).containsExactly(
                "1 ADOPTED 001-users.sql::create-users::alice",
                "2 ADOPTED 001-users.sql::add-name::alice",
                "3 ADOPTED 002-orders.sql::create-orders::bob",
                "4 APPLIED 003-total.sql::add-total::carol");
        // end::info[]
        assertThat(migrator(db).info().get(3).reversible()).isTrue();

        RollbackResult undone = migrator(db).rollback(1);
        assertThat(undone.undone()).extracting(a -> a.version()).containsExactly("4");
        assertThat(LiveSchema.columns(db, "orders")).as("the rollback lines ran").doesNotContain("total");
        assertThat(info(migrator(db))).containsExactly(
                "1 ADOPTED 001-users.sql::create-users::alice",
                "2 ADOPTED 001-users.sql::add-name::alice",
                "3 ADOPTED 002-orders.sql::create-orders::bob",
                "4 ROLLED_BACK 003-total.sql::add-total::carol",
                "4 PENDING 003-total.sql::add-total::carol");

        RollbackResult unadopted = migrator(db).rollback(1);
        assertThat(unadopted.undone()).extracting(a -> a.version()).containsExactly("3", "2", "1");
        assertThat(LiveSchema.tableNames(db)).contains("users", "orders");
        assertThat(migrator(db).adopt("liquibase").adopted()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aSecondAdoptionWritesNothing_andAChangelogSyncedHistoryIsAdoptedToo(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        liquibaseProject();
        liquibase(db, true); // liquibase changelog-sync: recorded as run, nothing ran

        assertThat(migrator(db).adopt("liquibase").adopted()).hasSize(3);
        assertThat(migrator(db).adopt("liquibase").adopted()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void anEditedChangesetIsRefused_butReformattingItIsNot(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        liquibaseProject();
        liquibase(db, false);
        Files.writeString(changes().resolve("002-orders.sql"), "-- liquibase formatted sql\n"
                + "-- changeset bob:create-orders\nCREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL);\n"
                + "-- rollback DROP TABLE orders;\n");
        Files.writeString(changes().resolve("001-users.sql"), Files.readString(changes().resolve("001-users.sql"))
                .replace("VARCHAR(100)", "VARCHAR(120)"));

        assertThatThrownBy(() -> migrator(db).adopt("liquibase"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("db/changelog/changes/001-users.sql::add-name::alice was changed after "
                                + "Liquibase ran it"));
        assertThat(LiveSchema.tableNames(db)).doesNotContain("migrator_history");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aMissingFileIsRefused(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        liquibaseProject();
        liquibase(db, false);
        Files.delete(changes().resolve("002-orders.sql"));

        assertThatThrownBy(() -> migrator(db).adopt("liquibase"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("db/changelog/changes/002-orders.sql::create-orders::bob was run by "
                                + "Liquibase").contains("restore the file"));
        assertThat(LiveSchema.tableNames(db)).doesNotContain("migrator_history");
    }
}
