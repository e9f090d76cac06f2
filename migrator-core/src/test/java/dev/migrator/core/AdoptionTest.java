package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.ForeignTable;
import dev.migrator.api.spi.HistoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adoption engine, with a simple tool of the test's own against {@link FakeTarget}. */
class AdoptionTest {
    private final FakeTarget target = new FakeTarget();

    @TempDir
    Path dir;

    /**
     * A tool whose table {@code simple_history} holds {@code version} rows matching local V files, or {@code name}
     * rows of migrations known by name only; a {@code failed} row refuses.
     */
    static final class SimpleTool implements ForeignTool {
        @Override
        public String name() {
            return "simple";
        }

        @Override
        public String defaultTable() {
            return "simple_history";
        }

        @Override
        public ForeignHistory read(ForeignTable table, AdoptionInput input) {
            List<ForeignMigration> applied = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (ForeignTable.Row row : table.rows()) {
                if (row.has("name")) {
                    applied.add(ForeignMigration.named(name(), row.text("name"), row.text("name") + ".py",
                            row.time("at"), null));
                    continue;
                }
                ResolvedMigration local = input.migrations().stream()
                        .filter(m -> row.text("version").equals(m.versionText())).findFirst().orElse(null);
                if (local == null) {
                    problems.add("version " + row.text("version") + " has no script");
                } else if (Boolean.TRUE.equals(row.bool("failed"))) {
                    problems.add("version " + row.text("version") + " failed");
                } else {
                    applied.add(ForeignMigration.matched(local, row.time("at"), "row " + row.text("version")));
                }
            }
            return new ForeignHistory(applied, problems);
        }
    }

    private static ForeignTable.Row row(Object... keyValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ForeignTable.Row(values);
    }

    private Migrator migrator() {
        return Migrator.builder().target(target).locations("filesystem:" + dir).build();
    }

    private void threeScriptsTwoApplied() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("U1__One.sql"), "drop one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");
        Files.writeString(dir.resolve("U2__Two.sql"), "drop two");
        Files.writeString(dir.resolve("V3__Three.sql"), "create three");
        Files.writeString(dir.resolve("U3__Three.sql"), "drop three");
        target.foreignTables.put("simple_history", new ForeignTable("simple_history", List.of(
                row("version", "1", "at", Instant.parse("2024-01-01T10:00:00Z")),
                row("version", "2", "at", Instant.parse("2024-02-01T10:00:00Z")))));
    }

    @Test
    void adoptedVersionsCountAsApplied_andTheNextMigrateStartsAfterThem() throws Exception {
        threeScriptsTwoApplied();

        AdoptResult adopted = migrator().adopt(new SimpleTool(), null);
        MigrateResult next = migrator().migrate();

        assertThat(adopted.adopted()).containsExactly("1", "2");
        assertThat(adopted.versionAfter()).isEqualTo("2");
        assertThat(next.versionBefore()).isEqualTo("2");
        assertThat(next.applied()).extracting(AppliedMigration::version).containsExactly("3");
        assertThat(target.applied).containsExactly("create three");
        assertThat(migrator().info()).extracting(MigrationStatus::version, MigrationStatus::state,
                MigrationStatus::installedOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", MigrationState.ADOPTED, Instant.parse("2024-01-01T10:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("2", MigrationState.ADOPTED, Instant.parse("2024-02-01T10:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("3", MigrationState.APPLIED, next.applied().isEmpty() ? null
                        : migrator().info().get(2).installedOn()));
        assertThat(target.history).filteredOn(r -> r.action() == HistoryRecord.Action.ADOPT)
                .extracting(HistoryRecord::note).allMatch(n -> n.startsWith("adopted from simple (simple_history"));
    }

    @Test
    void aSecondAdoptionWritesNothing() throws Exception {
        threeScriptsTwoApplied();
        migrator().adopt(new SimpleTool(), null);
        int rows = target.history.size();

        AdoptResult again = migrator().adopt(new SimpleTool(), null);

        assertThat(again.adopted()).isEmpty();
        assertThat(again.versionAfter()).isEqualTo("2");
        assertThat(target.history).hasSize(rows);
    }

    @Test
    void aRefusalNamesEveryProblem_andWritesNothing() throws Exception {
        threeScriptsTwoApplied();
        target.foreignTables.put("simple_history", new ForeignTable("simple_history", List.of(
                row("version", "1", "failed", true), row("version", "7"))));

        assertThatThrownBy(() -> migrator().adopt(new SimpleTool(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .containsExactly("version 1 failed", "version 7 has no script"))
                .hasMessageContaining("nothing was written");
        assertThat(target.history).isEmpty();
        assertThat(target.lockAcquisitions.get()).isZero();
    }

    @Test
    void rollingBackTheAdoptionRunsNothing_andLeavesTheDatabaseNotAdopted() throws Exception {
        threeScriptsTwoApplied();
        migrator().adopt(new SimpleTool(), null);
        migrator().migrate();

        RollbackResult first = migrator().rollback(1);
        RollbackResult second = migrator().rollback(1);

        assertThat(first.undone()).extracting(AppliedMigration::version).containsExactly("3");
        assertThat(second.undone()).extracting(AppliedMigration::version).containsExactly("2", "1");
        assertThat(second.versionAfter()).isNull();
        assertThat(target.applied).containsExactly("create three", "drop three");
        assertThat(migrator().info()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING,
                MigrationState.PENDING, MigrationState.ROLLED_BACK, MigrationState.PENDING);

        AdoptResult again = migrator().adopt(new SimpleTool(), null);
        assertThat(again.adopted()).containsExactly("1", "2");
    }

    @Test
    void rollbackToBelowTheAdoptionUndoesItWhole_butNotHalfOfIt() throws Exception {
        threeScriptsTwoApplied();
        migrator().adopt(new SimpleTool(), null);

        assertThatThrownBy(() -> migrator().rollbackTo("1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing was changed");
        assertThat(migrator().info().get(1).state()).isEqualTo(MigrationState.ADOPTED);
    }

    @Test
    void migrationsKnownByNameOnly_areListedFirst_andNeverRun() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        target.foreignTables.put("simple_history", new ForeignTable("simple_history", List.of(
                row("name", "ae10_init", "at", Instant.parse("2024-01-01T10:00:00Z")), row("name", "b2_users"))));

        AdoptResult adopted = migrator().adopt(new SimpleTool(), null);
        MigrateResult next = migrator().migrate();

        assertThat(adopted.adopted()).containsExactly("ae10_init", "b2_users");
        assertThat(adopted.versionAfter()).isNull();
        assertThat(next.applied()).extracting(AppliedMigration::version).containsExactly("1");
        assertThat(migrator().info()).extracting(MigrationStatus::description, MigrationStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ae10_init", MigrationState.ADOPTED),
                        org.assertj.core.groups.Tuple.tuple("b2_users", MigrationState.ADOPTED),
                        org.assertj.core.groups.Tuple.tuple("One", MigrationState.APPLIED));
        migrator().validate();
    }

    @Test
    void aMissingTableIsAConfigurationErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");

        assertThatThrownBy(() -> migrator().adopt(new SimpleTool(), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no table named simple_history");
    }

    @Test
    void anUnknownToolIsRefusedNamingTheSixThereAre() {
        assertThatThrownBy(() -> migrator().adopt("dbmate"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flyway, liquibase, alembic, django, knex, sequelize");
        assertThatThrownBy(() -> Migrator.builder().target(target).adoptOnMigrate("dbmate").build())
                .isInstanceOf(ConfigurationException.class);
    }
}
