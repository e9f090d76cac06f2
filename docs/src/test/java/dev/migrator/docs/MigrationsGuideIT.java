package dev.migrator.docs;

import dev.migrator.api.ConfigurationException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.PlannedMigration;
import dev.migrator.docs.migrations.MigrationHealth;
import dev.migrator.docs.migrations.SeedCurrencies;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import java.util.List;
import java.util.Map;

import static dev.migrator.docs.Fixtures.copy;
import static dev.migrator.docs.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/migrations.md, part one: writing migrations (names, placeholders, transactions, Java, checksums). */
class MigrationsGuideIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void versions_areComparedNumericallyPartByPart() {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(dataSource))
                .locations("classpath:db/version-order").build();

        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1", "1.9", "1.10", "2");
    }

    @Test
    void placeholders_areReplacedBeforeTheScriptRuns() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        DataSource dataSource = db.dataSource();

        // tag::placeholders[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .locations("classpath:db/placeholders")
                .placeholders(Map.of("report_role", "reporting"))
                .build();
        // end::placeholders[]

        assertThat(migrator.plan().migrations().get(0).statements()).containsExactly(
                "CREATE ROLE reporting",
                "GRANT SELECT ON \"migrator_history\" TO reporting");
        migrator.migrate();
        assertThat(query(db, "SELECT ROLE_NAME FROM INFORMATION_SCHEMA.ROLES WHERE ROLE_NAME = 'REPORTING'"))
                .containsExactly("REPORTING");
    }

    @Test
    void unknownPlaceholder_isRefusedBeforeAnythingTouchesTheDatabase(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Files.writeString(dir.resolve("V1__Create_orders.sql"), "CREATE TABLE ${tenant}_orders (id INT);\n");
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Create_orders.sql line 1: ${tenant} is not a known placeholder: pass it "
                        + "with placeholders(...) or remove it");
        assertThat(query(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                .containsExactly("0");
    }

    @Test
    void placeholderReplacementOff_leavesDollarBracesAsWritten(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Files.writeString(dir.resolve("V1__Create_templates.sql"),
                "CREATE TABLE templates (body VARCHAR(100));\nINSERT INTO templates VALUES ('Dear ${name}');\n");

        Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations("filesystem:" + dir)
                .placeholderReplacement(false).build().migrate();

        assertThat(query(db, "SELECT body FROM templates")).containsExactly("Dear ${name}");
    }

    @Test
    void transactionDirective_runsEachStatementOnItsOwn() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("classpath:db/batched-backfill").build();

        PlannedMigration backfill = migrator.plan().migrations().get(1);
        migrator.migrate();

        assertThat(backfill.script()).isEqualTo("V2__Backfill_currency.sql");
        assertThat(backfill.transactional()).isFalse();
        assertThat(query(db, "SELECT DISTINCT currency FROM payments")).containsExactly("EUR");
        // Outside a transaction the attempt is announced first, so a crash midway leaves a truthful row.
        assertThat(query(db, "SELECT outcome FROM \"migrator_history\" WHERE version = '2' ORDER BY installed_rank"))
                .containsExactly("STARTED", "SUCCESS");
    }

    @Test
    void postgresStatementsThatCannotRunInATransaction_areDetected() {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();
        // plan() only parses: H2 stands in for PostgreSQL here, with PostgreSQL's dialect chosen by name.
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(dataSource).dialect("postgresql"))
                .locations("classpath:db/postgres-concurrent-index").build();

        MigrationPlan plan = migrator.plan();

        assertThat(plan.migrations().get(0).transactional()).isFalse();
        assertThat(plan.toSql()).contains("V1__Index_account_owner.sql) [runs outside a transaction]");
    }

    @Test
    void repeatableMigration_isAppliedAgainWhenItChanges(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/migration", dir);
        Files.delete(dir.resolve("V3__Backfill_ibans.class"));
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();
        migrator.migrate();

        Path view = dir.resolve("R__Account_view.sql");
        Files.writeString(view, Files.readString(view).replace("SELECT id, owner, balance", "SELECT id, owner"));
        MigrateResult second = migrator.migrate();

        assertThat(second.applied()).extracting(m -> m.script()).containsExactly("R__Account_view.sql");
        assertThat(query(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ACCOUNT_BALANCES'"))
                .containsExactly("2");
    }

    @Test
    void explicitJavaMigration_runsAfterTheScannedOnes_andItsChecksumIsValidated() {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();

        // tag::explicit-java-migration-use[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .migrations(new SeedCurrencies(List.of("EUR", "CHF", "GBP")))
                .build();
        // end::explicit-java-migration-use[]
        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.description() + " " + m.type())
                .containsExactly("1 Create accounts SQL", "2 Add iban SQL", "3 Backfill ibans JAVA",
                        "4 Seed currencies JAVA", "null Account view SQL");
        Migrator laterRelease = migrator.toBuilder().migrations(new SeedCurrencies(List.of("EUR", "USD"))).build();
        assertThat(MigrationHealth.migrationProblems(laterRelease)).singleElement().asString()
                .contains("(version 4): the script changed since it was applied")
                .contains("recorded currencies:EUR,CHF,GBP, found currencies:EUR,USD");
    }

    @Test
    void helperClassBesideAJavaMigration_isPassedOver() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);

        Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations("classpath:db/helperclass").build()
                .migrate();

        assertThat(query(db, "SELECT COUNT(*) FROM ledger")).containsExactly("0");
    }

    @Test
    void checksum_followsTheWrittenRule_soLineEndingsAndBomDoNotCount(@TempDir Path dir) throws Exception {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();
        String script = "CREATE TABLE notes (id INT);\nINSERT INTO notes VALUES (1);\n";
        Files.writeString(dir.resolve("V1__Create_notes.sql"), "\uFEFF" + script.replace("\n", "\r\n"),
                StandardCharsets.UTF_8);

        MigrationStatus status = Migrator.builder().target(JdbcTarget.of(dataSource))
                .locations("filesystem:" + dir).build().info().get(0);

        assertThat(status.checksum()).isEqualTo(checksumV2(script)).isEqualTo("v2:98e1958b")
                .isEqualTo(checksumV2("\uFEFF" + script.replace("\n", "\r")))
                .isNotEqualTo(checksumV2(script.replace("\n", " \n")));
        assertThat(checksumV1(script))
                .isEqualTo("v1:5451bba3875e9fad9b7b859c693b51ec35781dd3c690ae3c39c3e4471b03bcd5");
    }

    // tag::checksum[]
    static String checksumV2(String script) {
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;  // no byte-order mark
        text = text.replace("\r\n", "\n").replace('\r', '\n');                    // every line ends with LF
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("v2:%08x", crc.getValue());
    }
    // end::checksum[]

    // tag::checksum-v1[]
    static String checksumV1(String script) throws NoSuchAlgorithmException {
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;  // the same normalising
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "v1:" + HexFormat.of().formatHex(hash);
    }
    // end::checksum-v1[]
}
