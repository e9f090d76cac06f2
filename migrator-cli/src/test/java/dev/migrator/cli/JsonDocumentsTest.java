package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.LostLockException;
import dev.migrator.api.TargetException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.MigrationType;
import dev.migrator.core.PlannedMigration;
import dev.migrator.core.RepairResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's own documents hold exactly the keys of docs/json-report.md, for every error code as well. */
class JsonDocumentsTest {
    private static final String TARGET = "jdbc:h2:mem:test";

    @Test
    void info_plan_validate_baseline_repair_areDocumented() {
        JsonNode info = DocumentedKeys.assertDocumented("info", JsonDocuments.info(TARGET, List.of(
                new MigrationStatus("1", "Create", MigrationType.SQL, "V1__Create.sql", MigrationState.APPLIED, true,
                        Instant.parse("2026-11-24T10:00:00Z"), "v1:abc"),
                new MigrationStatus(null, "View", MigrationType.SQL, "R__View.sql", MigrationState.PENDING, false,
                        null, null))));
        JsonNode plan = DocumentedKeys.assertDocumented("plan", JsonDocuments.plan("plan", TARGET, new MigrationPlan(List.of(
                new PlannedMigration("2", "Add", "V2__Add.sql", List.of("ALTER TABLE t ADD c INT"), true)), ";")));
        DocumentedKeys.assertDocumented("validate", JsonDocuments.validate(TARGET));
        DocumentedKeys.assertDocumented("baseline", JsonDocuments.baseline(TARGET, "4"));
        DocumentedKeys.assertDocumented("repair", JsonDocuments.repair(TARGET, new RepairResult(List.of("2"),
                List.of())));

        assertThat(info.get("migrations").get(0).get("installedOn").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(info.get("migrations").get(1).get("version").isNull()).isTrue();
        assertThat(plan.get("sql").asText()).contains("ALTER TABLE t ADD c INT;");
    }

    @Test
    void everyErrorCode_printsADocumentedErrorDocument() {
        MigrationFailedException failed = new MigrationFailedException("V2 failed", null, "2", "V2__x.sql", 7,
                "INSERT ...", true);
        failed.addSuppressed(new IllegalStateException("could not record the failure"));
        List<Throwable> failures = List.of(failed, new UsageException("bad", Command.INFO),
                new ConfigurationException("Bad settings", List.of("a", "b")),
                new ValidationException("Validation found 1 problem", List.of("V1 changed")),
                new IrreversibleMigrationException("no down", List.of("3")),
                new LockTimeoutException("waited", Duration.ofSeconds(1)), new LostLockException("lost", null),
                new TargetException("history", null), new IllegalStateException("bug"));

        for (Throwable failure : failures) {
            JsonNode doc = DocumentedKeys.assertDocumented("error", JsonDocuments.error(Command.MIGRATE, TARGET,
                    failure));
            assertThat(doc.get("error").get("code").asText()).isEqualTo(ErrorCode.of(failure).name());
        }
        JsonNode error = DocumentedKeys.assertDocumented("error", JsonDocuments.error(Command.MIGRATE, TARGET, failed))
                .get("error");
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("leftChanges").asBoolean()).isTrue();
        assertThat(error.get("suppressed").get(0).asText()).contains("could not record the failure");
    }

    @Test
    void aFailureBeforeTheCommandIsKnown_hasNullOperationAndTarget() {
        JsonNode doc = DocumentedKeys.assertDocumented("error", JsonDocuments.error(null, null,
                new UsageException("unknown command 'upgrade'", null)));

        assertThat(doc.get("operation").isNull()).isTrue();
        assertThat(doc.get("target").isNull()).isTrue();
        assertThat(doc.get("error").get("problems").get(0).asText()).isEqualTo("unknown command 'upgrade'");
    }

    @Test
    void messagesAreMasked() {
        JsonNode doc = DocumentedKeys.assertDocumented("error", JsonDocuments.error(Command.INFO, TARGET,
                new IllegalStateException("cannot reach jdbc:postgresql://db/app?password=hunter22")));

        assertThat(doc.toString()).doesNotContain("hunter22").contains("password=****");
    }
}
