package dev.migrator.cli;

import dev.migrator.cli.CliJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** drift's exit statuses and diff's usage, in-process on H2 (CliConsistencyIT runs them on the servers). */
class CliDriftTest {
    @TempDir
    Path dir;

    @Test
    void driftExitsZeroWithoutASnapshot_zeroAfterMigrate_andSixAfterAHandMadeChange() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);
        String locations = "filesystem:" + dir.resolve("db/migration");

        Run before = InProcess.run("drift", "--url", url, "--locations", locations);
        InProcess.run("migrate", "--url", url, "--locations", locations);
        Run clean = InProcess.run("drift", "--url", url, "--locations", locations);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customers ADD nickname VARCHAR(20)");
        }
        Run drifted = InProcess.run("drift", "--url", url, "--locations", locations);

        assertThat(before.exitStatus()).as("%s", before).isZero();
        assertThat(before.stdout()).contains("has no schema snapshot yet", "Nothing to compare");
        assertThat(clean.exitStatus()).as("%s", clean).isZero();
        assertThat(clean.stdout()).contains("no drift");
        assertThat(drifted.exitStatus()).as("%s", drifted).isEqualTo(6);
        assertThat(drifted.stdout()).containsIgnoringCase(
                "column customers.nickname: present now, absent after the last migration run");
    }

    /** Issue 18: {@code diff} between two entries of a {@code --targets} file, as between --url and --url-b. */
    @Test
    void diffBetweenTheTwoTargetsOfATargetsFile_listsTheHandMadeChange_andExitsZero() throws Exception {
        Fixtures.workspace(dir, "shop");
        String locations = "filesystem:" + dir.resolve("db/migration");
        String test = "jdbc:h2:" + dir.resolve("test").toAbsolutePath();
        String prod = "jdbc:h2:" + dir.resolve("prod").toAbsolutePath();
        InProcess.run("migrate", "--url", test, "--locations", locations);
        InProcess.run("migrate", "--url", prod, "--locations", locations);
        Path targets = Files.writeString(dir.resolve("envs.yaml"), "targets:\n  - name: test\n    url: " + test
                + "\n  - name: prod\n    url: " + prod + "\n");

        Run same = InProcess.run("diff", "--targets", targets.toString());
        try (Connection c = DriverManager.getConnection(prod); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customers ADD nickname VARCHAR(20)");
        }
        Run changed = InProcess.run("diff", "--targets", targets.toString(), "--json");

        assertThat(same.exitStatus()).as("%s", same).isZero();
        assertThat(same.stdout()).contains("A: test", "B: prod", "no differences.");
        assertThat(changed.exitStatus()).as("%s", changed).isZero();
        assertThat(CliCommandsIT.json("diff", changed).get("differences")).singleElement()
                .satisfies(d -> assertThat(d.asText()).containsIgnoringCase(
                        "column customers.nickname: present in B, absent in A"));
    }

    @Test
    void diffWithATargetsFile_needsExactlyTwoTargets() throws Exception {
        Path targets = Files.writeString(dir.resolve("three.yaml"), "targets:\n  - {name: a, url: 'jdbc:h2:mem:a'}\n"
                + "  - {name: b, url: 'jdbc:h2:mem:b'}\n  - {name: c, url: 'jdbc:h2:mem:c'}\n");

        Run three = InProcess.run("diff", "--targets", targets.toString());
        Run withUrlB = InProcess.run("diff", "--targets", targets.toString(), "--url-b", "jdbc:h2:mem:y");

        assertThat(three.exitStatus()).as("%s", three).isEqualTo(2);
        assertThat(three.stderr()).contains("compares two targets, and the file lists 3 (a, b, c)");
        assertThat(withUrlB.exitStatus()).as("%s", withUrlB).isEqualTo(2);
        assertThat(withUrlB.stderr()).contains("diff needs exactly one of");
    }

    @Test
    void diffNeedsExactlyOneOfUrlBAndAgainstMigrations() {
        Run neither = InProcess.run("diff", "--url", "jdbc:h2:mem:x");
        Run both = InProcess.run("diff", "--url", "jdbc:h2:mem:x", "--url-b", "jdbc:h2:mem:y",
                "--against-migrations");

        assertThat(neither.exitStatus()).isEqualTo(2);
        assertThat(neither.stderr()).contains("diff needs exactly one of --url-b URL");
        assertThat(both.exitStatus()).isEqualTo(2);
    }
}
