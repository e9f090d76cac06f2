package dev.migrator.it;

import dev.migrator.core.LintFinding;
import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linter over migration sets written like two real projects' (ory/kratos: many small PostgreSQL and MySQL files
 * with index and column changes; EHRbase: large PostgreSQL schema files with enums and functions): the first part is
 * applied, the rest is linted as pending. Each set's findings are exactly its risky statements: nothing crashes, and
 * no statement that docs/zero-downtime.md calls safe (new tables and their indexes, nullable or constant-default
 * columns, CONCURRENTLY, varchar widening, NOT VALID, DML in function bodies) is reported.
 */
class LintRealWorldSetsIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void kratosStyleSet_onPostgres_findsOnlyTheRiskyStatements() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        List<String> findings = lintPending(db, "kratos-postgres");

        assertThat(findings).containsExactly(
                "V20200812124254__session_token.sql:2 PG-INDEX-NOT-CONCURRENT",
                "V20210410175418__networks.sql:3 PG-CONSTRAINT-NOT-VALID",
                "V20210410175418__networks.sql:4 PG-DDL-SEVERAL-HOT-TABLES");
    }

    @Test
    void kratosStyleSet_onMariaDb_findsOnlyTheRiskyStatements() {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);

        List<String> findings = lintPending(db, "kratos-mariadb");

        assertThat(findings).containsExactly(
                "V20200812124254__session_token.sql:2 MYSQL-INDEX-WITHOUT-LOCK-NONE",
                "V20210410175418__networks.sql:3 MYSQL-ALTER-NOT-ONLINE");
    }

    @Test
    void ehrbaseStyleSet_onPostgres_findsOnlyTheIndexOnAnExistingTable() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        List<String> findings = lintPending(db, "ehrbase-postgres");

        assertThat(findings).containsExactly("V3__ehr_system_index.sql:1 PG-INDEX-NOT-CONCURRENT");
    }

    /** Applies the set's {@code applied} part, then lints with the {@code pending} part added. */
    private static List<String> lintPending(TestDatabase db, String set) {
        String base = "classpath:db/lint/" + set;
        Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations(base + "/applied").lint(LintMode.FAIL)
                .build().migrate();
        List<LintFinding> findings = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations(base + "/applied", base + "/pending").build().lint();
        findings.forEach(f -> assertThat(f.message()).as(f.toString()).doesNotContain("offline"));
        return findings.stream().map(f -> f.script() + ":" + f.line() + " " + f.rule()).toList();
    }
}
