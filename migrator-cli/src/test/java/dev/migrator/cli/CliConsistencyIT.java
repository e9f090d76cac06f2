package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** drift and diff on real servers: what a hand-made change looks like, and silence when there is none. */
class CliConsistencyIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void drift_isSilentAfterMigrate_andExitsSixNamingAColumnAddedByHand(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Fixtures.workspace(dir, "shop");
        assertThat(run(db, "migrate").exitStatus()).isZero();

        Run clean = run(db, "drift");
        db.execute("ALTER TABLE customers ADD nickname VARCHAR(20)");
        Run drifted = run(db, "drift");
        // Logs go to the process's standard error: the jar, not an in-process run, shows them.
        Run validate = CliJar.run(dir, Map.of("DB_PASSWORD", db.password()), "validate", "--url", db.url(), "--user",
                db.user(), "--password-env", "DB_PASSWORD", "--locations", "filesystem:" + dir.resolve("db/migration"));
        Run json = run(db, "drift", "--json");

        assertThat(clean.exitStatus()).as("%s", clean).isZero();
        assertThat(clean.stdout()).contains("matches the snapshot of the last migration run (version 3", "no drift");
        assertThat(drifted.exitStatus()).as("%s", drifted).isEqualTo(6);
        assertThat(drifted.stdout().toLowerCase(Locale.ROOT)).contains("drifted from the snapshot", "1 difference",
                "- column customers.nickname: present now, absent after the last migration run");
        assertThat(validate.exitStatus()).as("validate warns about drift but does not fail on it").isZero();
        assertThat(validate.stderr().toLowerCase(Locale.ROOT)).contains("the schema drifted",
                "drift: column customers.nickname: present now");
        JsonNode doc = DocumentedKeys.assertDocumented("drift", json.stdout());
        assertThat(json.exitStatus()).isEqualTo(6);
        assertThat(doc.get("success").asBoolean()).isFalse();
        assertThat(doc.get("snapshotVersion").asText()).isEqualTo("3");
        assertThat(doc.get("differences")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void diffBetweenTwoDatabasesMigratedFromTheSameFiles_isEmpty_thenListsExactlyTheHandMadeChanges(
            DatabaseKind kind) {
        TestDatabase a = databases.create(kind);
        TestDatabase b = databases.create(kind);
        Fixtures.workspace(dir, "shop");
        run(a, "migrate");
        run(b, "migrate");

        Run same = run(a, "diff", "--url-b", b.url());
        b.execute("ALTER TABLE customers ADD nickname VARCHAR(20)");
        b.execute("CREATE INDEX customers_email_idx ON customers (email)");
        Run changed = run(a, "diff", "--url-b", b.url(), "--json");

        assertThat(same.exitStatus()).as("%s", same).isZero();
        assertThat(same.stdout()).contains("no differences");
        assertThat(changed.exitStatus()).as("%s", changed).isZero();
        JsonNode doc = DocumentedKeys.assertDocumented("diff", changed.stdout());
        List<String> lines = new ArrayList<>();
        doc.get("differences").forEach(d -> lines.add(d.asText().toLowerCase(Locale.ROOT)));
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo(
                "column customers.nickname: present in b, absent in a"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("index customers_email_idx")
                .endsWith(": present in b, absent in a"));
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void diffAgainstMigrations_isEmptyAfterMigrate_andNamesTheHandMadeChange(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Fixtures.workspace(dir, "shop");
        run(db, "migrate");

        Run same = run(db, "diff", "--against-migrations");
        db.execute("ALTER TABLE customers ADD nickname VARCHAR(20)");
        Run changed = run(db, "diff", "--against-migrations");

        assertThat(same.exitStatus()).as("%s", same).isZero();
        assertThat(same.stdout()).contains("against what the migrations produce: no differences");
        assertThat(changed.exitStatus()).as("%s", changed).isZero();
        assertThat(changed.stdout().toLowerCase(Locale.ROOT)).contains("1 difference",
                "column customers.nickname: present in the database, absent in the schema the migrations produce");
        assertThat(db.query(kind == DatabaseKind.MARIADB ? "SHOW DATABASES LIKE 'migrator_scratch%'"
                : "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrator_scratch%'"))
                .as("the scratch schema is dropped").isEmpty();
    }

    private Run run(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user(), "--password-env", "DB_PASSWORD",
                "--locations", "filesystem:" + dir.resolve("db/migration")));
        return InProcess.run(Map.of("DB_PASSWORD", db.password()), all.toArray(String[]::new));
    }
}
