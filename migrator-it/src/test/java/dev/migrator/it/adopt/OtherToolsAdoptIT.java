package dev.migrator.it.adopt;

import dev.migrator.api.ValidationException;
import dev.migrator.core.AdoptResult;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopting the histories that Alembic, Django, Knex and Sequelize really wrote on PostgreSQL and MariaDB (the
 * fixtures of {@code src/test/tools/regenerate.sh}), with the tools' own migration files as they are.
 */
class OtherToolsAdoptIT {
    private static final String NEXT = "classpath:adopt/next";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    static Stream<Arguments> toolsAndDatabases() {
        List<Arguments> all = new ArrayList<>();
        for (String tool : List.of("alembic", "django", "knex", "sequelize")) {
            for (DatabaseKind kind : List.of(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB)) {
                all.add(Arguments.of(tool, kind));
            }
        }
        return all.stream();
    }

    private static Migrator migrator(TestDatabase db, String... locations) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password())).locations(locations)
                .build();
    }

    private static List<String> history(TestDatabase db) {
        String table = db.kind() == DatabaseKind.MARIADB ? "migrator_history" : "\"migrator_history\"";
        return db.query("SELECT description, action, outcome FROM " + table + " ORDER BY installed_rank").stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("toolsAndDatabases")
    void adoptsWhatTheToolAppliedInOrder_infoShowsItAdopted_andASecondAdoptWritesNothing(String tool,
                                                                                        DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        ToolFixtures.load(db, tool);
        List<List<String>> toolRows = db.query("SELECT * FROM " + ToolFixtures.table(db, tool));
        Migrator migrator = migrator(db, ToolFixtures.location(tool), NEXT);

        AdoptResult result = migrator.adopt(tool);

        List<String> applied = ToolFixtures.APPLIED.get(tool);
        assertThat(result.tool()).isEqualTo(tool);
        assertThat(result.table()).isEqualToIgnoringCase(ToolFixtures.TABLES.get(tool));
        assertThat(result.adopted()).containsExactlyElementsOf(applied);
        assertThat(result.toJson()).contains("\"" + applied.get(0) + "\"");
        assertThat(migrator.info()).filteredOn(s -> s.state() == MigrationState.ADOPTED)
                .extracting(s -> s.description()).containsExactlyElementsOf(applied);
        assertThat(migrator.info()).filteredOn(s -> s.state() == MigrationState.ADOPTED)
                .allSatisfy(s -> assertThat(s.installedOn()).isNotNull());
        assertThat(history(db)).containsExactlyElementsOf(applied.stream().map(n -> n + " ADOPT SUCCESS").toList());

        AdoptResult again = migrator.adopt(tool);

        assertThat(again.adopted()).isEmpty();
        assertThat(history(db)).hasSize(applied.size());
        assertThat(db.query("SELECT * FROM " + ToolFixtures.table(db, tool))).isEqualTo(toolRows);
    }

    /** The example of docs/other-tools.md: Alembic's versions folder next to migrator's own migrations. */
    @org.junit.jupiter.api.Test
    void docsExample_adoptsAlembicNextToMigratorsOwnMigrations() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        ToolFixtures.load(db, "alembic");
        javax.sql.DataSource dataSource = db.dataSource();
        String versions = ToolFixtures.location("alembic");

        // tag::adopt-alembic[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .locations("classpath:adopt/next", versions)   // versions: "filesystem:alembic/versions"
                .build();
        AdoptResult adopted = migrator.adopt("alembic");
        // end::adopt-alembic[]

        assertThat(adopted.adopted()).containsExactly("a1f0c2d3e4b5", "b2e1d3c4f5a6", "c3d2e4f5a6b7",
                "d4e3f5a6b7c8");
        assertThat(migrator.info()).extracting(s -> s.description() + " " + s.state()).containsExactly(
                "a1f0c2d3e4b5 ADOPTED", "b2e1d3c4f5a6 ADOPTED", "c3d2e4f5a6b7 ADOPTED", "d4e3f5a6b7c8 ADOPTED",
                "Create ledger notes PENDING");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("toolsAndDatabases")
    void afterAdoptionNewChangesAreMigratorMigrations_andUndoingTheAdoptionLeavesTheSchema(String tool,
                                                                                          DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        ToolFixtures.load(db, tool);
        Migrator migrator = migrator(db, ToolFixtures.location(tool), NEXT);
        migrator.adopt(tool);

        MigrateResult next = migrator.migrate();

        assertThat(next.applied()).extracting(m -> m.version()).containsExactly("1");
        assertThat(migrator.info()).extracting(s -> s.state()).containsOnly(MigrationState.ADOPTED,
                MigrationState.APPLIED);

        migrator.rollback(1);
        migrator.rollback(1);

        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 ROLLED_BACK", "1 PENDING");
        assertThat(db.query("SELECT COUNT(*) FROM " + ToolFixtures.table(db, tool)))
                .containsExactly(List.of(String.valueOf(tool.equals("alembic") ? 1 : ToolFixtures.APPLIED.get(tool)
                        .size())));
        assertThat(db.query("SELECT COUNT(*) FROM " + (tool.equals("django") ? "ledger_account" : "accounts")))
                .containsExactly(List.of("0"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("toolsAndDatabases")
    void aHistoryRowWhoseFileIsGoneIsRefusedNamingIt_andNothingIsWritten(String tool, DatabaseKind kind,
                                                                         @TempDir Path copy) throws IOException {
        TestDatabase db = databases.create(kind);
        ToolFixtures.load(db, tool);
        Path source = ToolFixtures.files(tool);
        String gone = switch (tool) {
            case "alembic" -> "b2e1d3c4f5a6_add_iban.py";
            case "django" -> "ledger/migrations/0002_account_iban.py";
            case "knex" -> "20240102000000_add_iban.js";
            default -> "20240102000000-add-iban.js";
        };
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (!source.relativize(p).toString().replace('\\', '/').equals(gone)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        Migrator migrator = migrator(db, "filesystem:" + copy, NEXT);

        assertThatThrownBy(() -> migrator.adopt(tool))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing was written")
                .satisfies(e -> assertThat(String.join("\n", ((ValidationException) e).problems()))
                        .contains(tool.equals("alembic") ? "follows 'b2e1d3c4f5a6'" : gone.substring(gone.lastIndexOf('/') + 1)
                                .replace(".py", "")));
        assertThat(migrator.info()).noneMatch(s -> s.state() == MigrationState.ADOPTED);
    }
}
