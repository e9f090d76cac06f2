package dev.migrator.it.contract;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** migrate(), plan() and validate() on every target. */
class MigrateContractIT {
    @TempDir
    Path dir;

    @ContractTest
    void bootMigration_appliesScriptsAndJavaMigrationsInOrder_andRecordsWhoAndWhere(TargetFixture f) throws Exception {
        f.write(dir, "V1__Create_users", f.create("users"), f.insert("users", 1));
        f.write(dir, "V1_1__Create_orders", f.create("orders"));
        f.write(dir, "R__Seed", f.insert("orders", 7));

        MigrateResult result = f.migrator(dir).migrations(f.javaCreate("2", "audit")).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.type())
                .containsExactly("1 " + type(f), "1.1 " + type(f), "2 JAVA", "null " + type(f));
        assertThat(result.versionBefore()).isNull();
        assertThat(result.versionAfter()).isEqualTo("2");
        assertThat(f.tables()).containsExactly("audit", "orders", "users");
        assertThat(f.count("users")).isEqualTo(1);
        assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "1.1 APPLY SUCCESS", "2 APPLY SUCCESS",
                "null APPLY SUCCESS");
        assertThat(f.historyRecords()).filteredOn(r -> r.outcome() == HistoryRecord.Outcome.SUCCESS)
                .allSatisfy(r -> assertThat(new Object[]{r.installedBy(), r.databaseUser(), r.host(),
                        r.toolVersion(), r.runId(), r.installedOn()}).doesNotContainNull());
        // Where a script is not atomic, a STARTED row announces it before it runs, so a crash leaves a trace.
        boolean atomic;
        try (var session = f.open()) {
            atomic = session.prepareScript("V1_1__Create_orders" + f.target().scriptSuffix(),
                    f.script(f.create("orders"))).atomic();
        }
        assertThat(f.historyRecords()).filteredOn(r -> "1.1".equals(r.version())).extracting(r -> r.outcome())
                .containsExactly(atomic ? new HistoryRecord.Outcome[]{HistoryRecord.Outcome.SUCCESS}
                        : new HistoryRecord.Outcome[]{HistoryRecord.Outcome.STARTED, HistoryRecord.Outcome.SUCCESS});
    }

    private static String type(TargetFixture f) {
        return f.target().scriptSuffix().substring(1).toUpperCase(java.util.Locale.ROOT);
    }

    @ContractTest
    void secondBoot_appliesNothing(TargetFixture f) throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        f.write(dir, "V2__Two", f.create("two"));
        f.migrator(dir).build().migrate();

        MigrateResult second = f.migrator(dir).build().migrate();

        assertThat(second.applied()).isEmpty();
        assertThat(second.versionBefore()).isEqualTo("2");
        assertThat(second.versionAfter()).isEqualTo("2");
        assertThat(f.history()).hasSize(2);
        assertThat(f.migrator(dir).build().info()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.APPLIED);
    }

    /**
     * A history written before the v2 checksum rule holds v1 (SHA-256) checksums: after the upgrade it validates as
     * it is, shows its v1 checksums, still catches an edit (in v1, so both sides of the message compare), and
     * repair() re-aligns in the current rule.
     */
    @ContractTest(quiet = false)
    void aHistoryRecordedWithV1Checksums_stillValidates_andCatchesAnEditInV1(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__Things", f.create("things"));
        String v1 = checksumV1(Files.readString(dir.resolve("V1__Things" + suffix)));
        f.execute(f.create("things"));
        try (var session = f.open()) {
            session.history().create();
            session.history().append(new HistoryRecord(1, "1", "Things", type(f), "V1__Things" + suffix, v1,
                    HistoryRecord.Action.APPLY, HistoryRecord.Outcome.SUCCESS, "ci", "app", "host-1", "0.1.0",
                    "run-1", java.time.Instant.parse("2026-11-20T10:00:00Z"), 5, null));
        }
        Migrator migrator = f.migrator(dir).build();

        migrator.validate();
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(migrator.info()).extracting(MigrationStatus::state, MigrationStatus::checksum)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MigrationState.APPLIED, v1));

        f.write(dir, "V1__Things", f.create("things"), f.insert("things", 2));
        assertThatThrownBy(migrator::validate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("the script changed since it was applied")
                .hasMessageContaining("(recorded " + v1 + ", found v1:");
        assertThat(migrator.repair().realignedChecksums()).containsExactly("1");
        migrator.validate();
        assertThat(f.historyRecords().get(f.historyRecords().size() - 1).checksum()).matches("v2:[0-9a-f]{8}");
    }

    /** The v1 rule as docs/migrations.md states it. */
    private static String checksumV1(String script) throws java.security.NoSuchAlgorithmException {
        String text = script.replace("\r\n", "\n").replace('\r', '\n');
        return "v1:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ContractTest(quiet = false)
    void validate_catchesAnEditedScript_butNotALineEndingChange(TargetFixture f) throws Exception {
        f.write(dir, "V1__Things", f.create("things"), f.insert("things", 1));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        Path v1 = dir.resolve("V1__Things" + f.target().scriptSuffix());

        Files.writeString(v1, "\uFEFF" + Files.readString(v1).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        migrator.validate();
        assertThat(migrator.migrate().applied()).isEmpty();

        f.write(dir, "V1__Things", f.create("things"), f.insert("things", 2));
        assertThatThrownBy(migrator::validate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V1__Things" + f.target().scriptSuffix()
                        + " (version 1): the script changed since it was applied");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("run repair()");
        assertThat(migrator.repair().realignedChecksums()).containsExactly("1");
        migrator.validate();
    }

    @ContractTest(quiet = false)
    void badInput_isRefusedBeforeAnythingTouchesTheDatabase(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__Fine", f.create("fine"));
        f.write(dir, "V1__Clash", f.create("clash"));
        f.write(dir, "V__No_version", f.create("x"));
        f.write(dir, "Vabc__Letters", f.create("y"));
        f.write(dir, "U7__Orphan", f.drop("fine"));
        f.write(dir, "V2__Tenant", f.create("${tenant}_orders"));

        assertThatThrownBy(() -> f.migrator(dir).build().migrate()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two migrations have version 1")
                .hasMessageContaining("V__No_version" + suffix)
                .hasMessageContaining("Vabc__Letters" + suffix)
                .hasMessageContaining("U7__Orphan" + suffix + " undoes version 7")
                .hasMessageContaining("V2__Tenant" + suffix + " line ")
                .hasMessageContaining("${tenant} is not a known placeholder");
        try (var session = f.open()) {
            assertThat(session.history().exists()).isFalse();
        }
        assertThat(f.tables()).isEmpty();
        if (f instanceof SqlFixture sql) {
            assertThat(sql.hasTable("migrator_lock")).isFalse();
        }
    }

    @ContractTest
    void plan_showsTheStatementsWithoutCreatingAnything(TargetFixture f) throws Exception {
        f.write(dir, "V1__Create_users", f.create("users"), f.insert("users", 1));

        var plan = f.migrator(dir).build().plan();

        assertThat(plan.migrations()).singleElement().satisfies(m -> {
            assertThat(m.script()).isEqualTo("V1__Create_users" + f.target().scriptSuffix());
            assertThat(m.statements()).hasSize(2);
            assertThat(m.statements().get(1)).contains("users");
        });
        assertThat(plan.toSql()).contains("-- version 1: Create users (V1__Create_users" + f.target().scriptSuffix());
        try (var session = f.open()) {
            assertThat(session.history().exists()).isFalse();
        }
        assertThat(f.tables()).isEmpty();
    }

    @ContractTest
    void repeatable_reRunsWhenItsChecksumChanges(TargetFixture f) throws Exception {
        f.write(dir, "V1__Table", f.create("t"));
        f.write(dir, "R__Seed", f.insert("t", 1));
        f.migrator(dir).build().migrate();
        assertThat(f.migrator(dir).build().migrate().applied()).isEmpty();

        f.write(dir, "R__Seed", f.insert("t", 2));
        MigrateResult result = f.migrator(dir).build().migrate();

        assertThat(result.applied()).extracting(m -> m.script()).containsExactly("R__Seed" + f.target().scriptSuffix());
        assertThat(f.count("t")).isEqualTo(2);
        assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "null APPLY SUCCESS", "null APPLY SUCCESS");
    }
}
