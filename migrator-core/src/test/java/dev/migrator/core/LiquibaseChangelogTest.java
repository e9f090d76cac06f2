package dev.migrator.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Liquibase formatted-SQL changelogs (LiquibaseAdoptionIT checks the checksums against Liquibase's own). */
class LiquibaseChangelogTest {

    @TempDir
    Path dir;

    private static final String CHANGELOG = """
            -- liquibase formatted sql

            -- changeset alice:1 runOnChange:false
            -- comment: users first
            CREATE TABLE users (id INT);
            -- rollback DROP TABLE users;

            -- changeset "bob smith":"two words" runInTransaction:true
            -- validCheckSum: ANY
            CREATE TABLE orders (id INT);
            /* liquibase rollback
            DROP TABLE orders;
            */

            -- changeset carol:3
            CREATE TABLE notes (id INT);
            """;

    @Test
    void eachChangesetHasItsSql_itsRollback_andNothingElse() {
        List<String> problems = new ArrayList<>();

        List<LiquibaseChangelog.Changeset> sets = LiquibaseChangelog.parse("c.sql", CHANGELOG, problems);

        assertThat(problems).isEmpty();
        assertThat(sets).extracting(LiquibaseChangelog.Changeset::author, LiquibaseChangelog.Changeset::id,
                LiquibaseChangelog.Changeset::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", "1", 3),
                org.assertj.core.groups.Tuple.tuple("bob smith", "two words", 8),
                org.assertj.core.groups.Tuple.tuple("carol", "3", 15));
        assertThat(sets.get(0).sql().strip()).isEqualTo("CREATE TABLE users (id INT);");
        assertThat(sets.get(0).rollback().strip()).isEqualTo("DROP TABLE users;");
        assertThat(sets.get(1).sql().strip()).isEqualTo("CREATE TABLE orders (id INT);");
        assertThat(sets.get(1).rollback().strip()).isEqualTo("DROP TABLE orders;");
        assertThat(sets.get(2).rollback()).isNull();
    }

    @Test
    void whatChangesWhenOrWhereAChangesetRuns_isRefusedNamingTheLine_notIgnored() {
        List<String> problems = new ArrayList<>();

        LiquibaseChangelog.parse("c.sql", """
                -- liquibase formatted sql
                -- changeset a:1 runOnChange:true context:prod
                -- precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM t
                CREATE VIEW v AS SELECT 1;
                """, problems);

        assertThat(problems).containsExactly(
                "c.sql line 2: changeset a:1 has runOnChange:true, which migrator does not support (every migration "
                        + "runs once, on every database): remove it, or move the changeset to a migration of its own",
                "c.sql line 2: changeset a:1 has context:prod, which migrator does not support (every migration "
                        + "runs once, on every database): remove it, or move the changeset to a migration of its own",
                "c.sql line 3: changeset a:1 has a precondition, which migrator does not evaluate: remove it "
                        + "(migrator runs each migration once, in order)");
    }

    @Test
    void theChecksumIgnoresWhitespace_butNotTheSql() {
        assertThat(LiquibaseChangelog.checksumV9("CREATE TABLE t (id INT);"))
                .isEqualTo(LiquibaseChangelog.checksumV9("\n CREATE TABLE t (\r\n\tid INT\r\n);\n"))
                .startsWith("9:").hasSize(34)
                .isNotEqualTo(LiquibaseChangelog.checksumV9("CREATE TABLE t (id BIGINT);"));
    }

    @Test
    void onlyAFileWhoseFirstLineSaysSoIsAChangelog() {
        assertThat(LiquibaseChangelog.isFormatted("\n--liquibase formatted sql\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(LiquibaseChangelog.isFormatted("CREATE TABLE t;\n-- liquibase formatted sql\n"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void discoveryNumbersChangesetsInPathOrder_andRefusesAMalformedHeaderNamingTheLine() throws Exception {
        Files.writeString(dir.resolve("b.sql"), "-- liquibase formatted sql\n-- changeset x:late\nSELECT 2;\n");
        Files.writeString(dir.resolve("a.sql"), CHANGELOG);
        FakeTarget target = new FakeTarget();

        List<MigrationStatus> info = Migrator.builder().target(target).locations("filesystem:" + dir).build().info();

        assertThat(info).extracting(MigrationStatus::version, MigrationStatus::script, MigrationStatus::reversible)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "a.sql::1::alice", true),
                        org.assertj.core.groups.Tuple.tuple("2", "a.sql::two words::bob smith", true),
                        org.assertj.core.groups.Tuple.tuple("3", "a.sql::3::carol", false),
                        org.assertj.core.groups.Tuple.tuple("4", "b.sql::late::x", false));

        Files.writeString(dir.resolve("c.sql"), "-- liquibase formatted sql\n-- changeset nobody\nSELECT 3;\n");
        assertThatThrownBy(() -> Migrator.builder().target(target).locations("filesystem:" + dir).build().info())
                .hasMessageContaining("c.sql line 2: '-- changeset nobody' is not a changeset header");
    }
}
