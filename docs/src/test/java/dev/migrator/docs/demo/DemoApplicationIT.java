package dev.migrator.docs.demo;

import dev.migrator.core.MigrateResult;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo: what it prints, and that the README shows exactly that. */
class DemoApplicationIT {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
    /** The README line right before the fenced block that shows the demo's output. */
    private static final String README_MARKER = "<!-- demo output: checked by DemoApplicationIT -->";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void demo_appliesFourMigrations_andPrintsThemAsATable() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);

        String printed = runDemo(db.url());

        assertThat(printed.replaceAll(TIME, "<time>")).isEqualTo("""

                Applied 4 migrations; the schema went from version <none> to 3.

                Version | Description     | Type | State   | Reversible | Installed on (UTC)
                --------+-----------------+------+---------+------------+--------------------
                1       | Create accounts | SQL  | APPLIED | no         | <time>
                2       | Add iban        | SQL  | APPLIED | yes        | <time>
                3       | Backfill ibans  | JAVA | APPLIED | yes        | <time>
                        | Account view    | SQL  | APPLIED | no         | <time>
                """);
    }

    @Test
    void demo_javaMigration_givesEveryAccountAValidIban() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);

        runDemo(db.url());

        List<String> ibans = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT iban FROM accounts ORDER BY id")) {
            while (rs.next()) {
                ibans.add(rs.getString(1));
            }
        }
        assertThat(ibans).hasSize(2).allSatisfy(iban -> assertThat(isValidIban(iban)).as(iban).isTrue());
    }

    @Test
    void secondBoot_appliesNothing() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        runDemo(db.url());

        String printed = runDemo(db.url());

        assertThat(printed).contains("Applied 0 migrations; the schema went from version 3 to 3.");
    }

    @Test
    void readme_showsWhatTheDemoPrints() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        String printed = runDemo(db.url());

        String shown = readmeDemoOutput();

        assertThat(shown.replaceAll(TIME, "<time>").strip())
                .as("README.md's demo output block (after %s) differs from what the demo prints; paste this:%n%s",
                        README_MARKER, printed)
                .isEqualTo(printed.replaceAll(TIME, "<time>").strip());
    }

    private static String runDemo(String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MigrateResult result = DemoApplication.run(url, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(result.target()).contains("H2");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String readmeDemoOutput() throws Exception {
        Path readme = Path.of(System.getProperty("migrator.repository.root", "..")).resolve("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int marker = lines.indexOf(README_MARKER);
        assertThat(marker).as("README.md has the line %s", README_MARKER).isNotNegative();
        int open = marker + 1;
        assertThat(lines.get(open)).as("a fenced block follows the marker").startsWith("```");
        StringBuilder block = new StringBuilder();
        for (int i = open + 1; !lines.get(i).startsWith("```"); i++) {
            block.append(lines.get(i)).append('\n');
        }
        return block.toString();
    }

    /** ISO 13616: the first four characters moved to the end, letters as 10..35, the number modulo 97 is 1. */
    private static boolean isValidIban(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : moved.toCharArray()) {
            digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
