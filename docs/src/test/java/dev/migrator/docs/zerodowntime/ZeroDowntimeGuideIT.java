package dev.migrator.docs.zerodowntime;

import dev.migrator.api.ValidationException;
import dev.migrator.core.LintFinding;
import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.LintCheck;
import dev.migrator.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of docs/zero-downtime.md, on real PostgreSQL and MariaDB: every rule finds its bad example and passes
 * its good one, against a schema whose tables exist and hold rows (one database per kind for the whole class), and
 * every expand/contract recipe lints clean and then migrates with {@code lint(FAIL)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeroDowntimeGuideIT {
    private final AtomicInteger histories = new AtomicInteger();
    private TestDatabase postgres;
    private TestDatabase mariadb;

    @BeforeAll
    void createExistingSchemas() throws Exception {
        postgres = withExistingSchema(DatabaseKind.POSTGRESQL);
        mariadb = withExistingSchema(DatabaseKind.MARIADB);
    }

    @AfterAll
    void dropDatabases() {
        if (postgres != null) {
            postgres.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPostgresRule_findsItsBadExample_andPassesItsGoodOne() throws Exception {
        return ruleCases(postgres, "postgresql");
    }

    @TestFactory
    Stream<DynamicTest> everyMariaDbRule_findsItsBadExample_andPassesItsGoodOne() throws Exception {
        return ruleCases(mariadb, "mariadb");
    }

    @Test
    void findings_sayWhatTheLinterKnowsOfTheTable() throws Exception {
        List<LintFinding> pg = lint(postgres, resource("lint/postgresql/PG-INDEX-NOT-CONCURRENT/bad"));
        assertThat(pg).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(LintFinding.Severity.ERROR);
            assertThat(f.script()).isEqualTo("V1__Bad.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("payments exists with about 20,000 rows");
            assertThat(f.fix()).contains("CONCURRENTLY");
        });
        List<LintFinding> maria = lint(mariadb, resource("lint/mariadb/MYSQL-ALTER-NOT-ONLINE/bad"));
        assertThat(maria).singleElement().extracting(LintFinding::message).asString()
                .contains("MariaDB 10.", "payments exists with about");
    }

    @TestFactory
    Stream<DynamicTest> everyRecipe_lintsClean_andMigratesUnderLintFail() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> recipes = Files.list(resource("db/zero-downtime"))) {
            for (Path recipe : recipes.sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(recipe.getFileName().toString(), () -> {
                    try (TestDatabase db = withExistingSchema(DatabaseKind.POSTGRESQL)) {
                        assertThat(lint(db, recipe)).isEmpty();
                        assertThat(migrator(db, recipe).lint(LintMode.FAIL).build().migrate().applied()).isNotEmpty();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void lintFail_refusesARiskyMigrationBeforeAnythingRuns() throws Exception {
        try (TestDatabase db = withExistingSchema(DatabaseKind.POSTGRESQL)) {
            Path bad = resource("lint/postgresql/PG-INDEX-NOT-CONCURRENT/bad");
            assertThatThrownBy(() -> migrator(db, bad).lint(LintMode.FAIL).build().migrate())
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("nothing was run")
                    .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                            .contains("V1__Bad.sql line 1: PG-INDEX-NOT-CONCURRENT (ERROR)"));
            assertThat(db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'payments_account_idx'"))
                    .containsExactly(List.of("0"));
            // WARN (the default) logs the finding and runs.
            assertThat(migrator(db, bad).build().migrate().applied()).hasSize(1);
        }
    }

    @Test
    void testkitLintCheck_passesASafeSet_andNamesEachFindingOfARiskyOne() throws Exception {
        Path recipe = resource("db/zero-downtime/add-a-not-null");
        TestDatabase db = postgres;
        // tag::lint-check[]
        LintCheck.of(Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations("filesystem:" + recipe))
                .assertNoFindings();
        // end::lint-check[]
        Path risky = resource("lint/postgresql/PG-SET-NOT-NULL/bad");
        assertThatThrownBy(() -> LintCheck.of(migrator(db, risky)).assertNoFindings())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("V1__Bad.sql line 1: PG-SET-NOT-NULL (ERROR)");
        assertThat(LintCheck.of(migrator(db, risky)).ignoring("PG-SET-NOT-NULL").findings()).isEmpty();
    }

    private Stream<DynamicTest> ruleCases(TestDatabase db, String kind) throws IOException, URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> rules = Files.list(resource("lint/" + kind))) {
            for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
                String id = rule.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(id + " bad", () -> assertThat(lint(db, rule.resolve("bad")))
                        .extracting(LintFinding::rule).containsExactly(id)));
                tests.add(DynamicTest.dynamicTest(id + " good", () -> assertThat(lint(db, rule.resolve("good")))
                        .isEmpty()));
            }
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    private List<LintFinding> lint(TestDatabase db, Path migrations) {
        return migrator(db, migrations).build().lint();
    }

    /** A migrator over one example's scripts, with a history of its own, so that all of them are pending. */
    private Migrator.Builder migrator(TestDatabase db, Path migrations) {
        return Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + migrations)
                .historyTable("lint_history_" + histories.incrementAndGet());
    }

    private static TestDatabase withExistingSchema(DatabaseKind kind) throws Exception {
        TestDatabase db = TestDatabase.create(kind);
        String name = kind == DatabaseKind.POSTGRESQL ? "postgresql" : "mariadb";
        for (String statement : Files.readString(resource("lint/" + name + "/existing-schema.sql")).split(";\n")) {
            if (!statement.isBlank()) {
                db.execute(statement);
            }
        }
        return db;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ZeroDowntimeGuideIT.class.getClassLoader().getResource(name).toURI());
    }
}
