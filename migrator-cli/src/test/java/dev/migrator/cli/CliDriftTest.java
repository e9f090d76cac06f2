package dev.migrator.cli;

import dev.migrator.cli.CliJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
