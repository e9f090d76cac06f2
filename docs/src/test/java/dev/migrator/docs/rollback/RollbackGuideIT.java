package dev.migrator.docs.rollback;

import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/rollback.md, run against H2. */
class RollbackGuideIT {

    private static Migrator migrator(String database) {
        return Migrator.builder()
                .target(JdbcTarget.of("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", ""))
                .locations("classpath:db/rollback-guide")
                .build();
    }

    @Test
    void rollbackExamples_undoAndReapply() {
        Migrator migrator = migrator("rollback_guide");
        migrator.migrate();

        // tag::dry-run[]
        MigrationPlan undo = migrator.rollbackPlanTo("1");   // checked like the rollback; runs and locks nothing
        System.out.println(undo.toSql());                     // the U scripts, newest first, for a reviewer
        // end::dry-run[]
        assertThat(undo.migrations()).extracting(m -> m.script())
                .containsExactly("U3__Create_orders.sql", "U2__Add_segment.sql");
        assertThat(undo.toSql()).contains("DROP TABLE IF EXISTS orders;");

        // tag::rollback[]
        RollbackResult one = migrator.rollback(1);          // undoes version 3, the newest
        RollbackResult toOne = migrator.rollbackTo("1");    // undoes everything above 1 (here: version 2)
        System.out.println(toOne.toJson());                 // what was undone, for the pipeline's log
        // end::rollback[]

        assertThat(one.undone()).extracting(m -> m.version()).containsExactly("3");
        assertThat(toOne.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(toOne.versionAfter()).isEqualTo("1");

        // tag::info-after-rollback[]
        for (MigrationStatus status : migrator.info()) {
            System.out.printf("%-4s %-16s %s%n", status.version(), status.description(), status.state());
        }
        // end::info-after-rollback[]
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state()).containsExactly(
                "1 APPLIED", "2 ROLLED_BACK", "2 PENDING", "3 ROLLED_BACK", "3 PENDING");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2", "3");
    }

    @Test
    void handlingARefusedRollback() {
        Migrator migrator = migrator("rollback_guide_refused");
        migrator.migrate();
        String target = "0";
        List<String> seen = new java.util.ArrayList<>();

        // tag::refused[]
        try {
            migrator.rollbackTo(target);
        } catch (IrreversibleMigrationException e) {
            // A migration on the path has no down: nothing was changed.
            seen.add("irreversible: " + e.versions());
        } catch (ValidationException e) {
            // The path cannot be undone as it is (an edited script, a FAILED entry, an unknown version): nothing was changed.
            e.problems().forEach(problem -> seen.add("problem: " + problem));
        } catch (MigrationFailedException e) {
            // A down failed while running: the downs before it stay undone and recorded; this one is reported.
            seen.add("failed: " + e.script() + " line " + e.line());
        }
        // end::refused[]

        assertThat(seen).singleElement().asString().startsWith("problem: version 0 is not applied");
        assertThat(migrator.info()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
    }
}
