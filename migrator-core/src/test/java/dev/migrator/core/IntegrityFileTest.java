package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrityFileTest {
    @TempDir
    Path dir;
    String location;

    @BeforeEach
    void threeMigrations() throws IOException {
        location = "filesystem:" + dir;
        write("V1__Create_orders.sql", "CREATE TABLE orders (id INT);\n");
        write("V2__Add_status.sql", "ALTER TABLE orders ADD status VARCHAR(10);\n");
        write("U2__Add_status.sql", "ALTER TABLE orders DROP COLUMN status;\n");
        write("V10__Add_index.sql", "CREATE INDEX orders_status ON orders (status);\n");
        write("R__Views.sql", "CREATE VIEW v AS SELECT id FROM orders;\n");
        write("README.md", "not a migration");
    }

    @Test
    void writtenFileListsEveryMigrationInVersionOrderAndChecksClean() throws IOException {
        List<String> listed = IntegrityFile.write(location);

        assertThat(listed).containsExactly("V1__Create_orders.sql", "V2__Add_status.sql", "U2__Add_status.sql",
                "V10__Add_index.sql", "R__Views.sql");
        String sum = Files.readString(dir.resolve("migrator.sum"));
        assertThat(sum).contains("\nchain v1:").contains("\nV1__Create_orders.sql v1:").doesNotContain("README");
        assertThat(IntegrityFile.check(location)).isEmpty();
    }

    @Test
    void writingTwiceGivesTheSameFile() throws IOException {
        IntegrityFile.write(location);
        String first = Files.readString(dir.resolve("migrator.sum"));
        IntegrityFile.write(location);
        assertThat(Files.readString(dir.resolve("migrator.sum"))).isEqualTo(first);
    }

    @Test
    void lineEndingsAndBomDoNotCount() throws IOException {
        IntegrityFile.write(location);

        write("V2__Add_status.sql", "\uFEFFALTER TABLE orders ADD status VARCHAR(10);\r\n");

        assertThat(IntegrityFile.check(location)).isEmpty();
    }

    @Test
    void missingFileIsReportedWithTheCommandThatWritesIt() {
        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("migrator.sum does not exist").contains("migrator hash --locations " + location);
    }

    @Test
    void fileAddedBelowTheNewestIsReportedAsABadMerge() throws IOException {
        IntegrityFile.write(location);

        write("V3__From_an_old_branch.sql", "SELECT 1;\n");

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("V3__From_an_old_branch.sql is not in migrator.sum")
                .contains("its version 3 is below the newest listed (10)").contains("a branch merged badly")
                .contains("Rename it to a version above 10");
    }

    @Test
    void fileAddedAboveTheNewestIsReportedAsNotHashed() throws IOException {
        IntegrityFile.write(location);

        write("V11__New.sql", "SELECT 1;\n");

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("V11__New.sql is not in migrator.sum: it was added without running hash")
                .doesNotContain("below the newest");
    }

    @Test
    void editedFileIsReported() throws IOException {
        IntegrityFile.write(location);

        write("V2__Add_status.sql", "ALTER TABLE orders ADD status VARCHAR(20);\n");

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("V2__Add_status.sql was edited after migrator.sum was written")
                .contains("put the change in a new migration");
    }

    @Test
    void removedFileIsReported() throws IOException {
        IntegrityFile.write(location);

        Files.delete(dir.resolve("V1__Create_orders.sql"));

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("V1__Create_orders.sql is listed in migrator.sum but was removed").contains("restore it");
    }

    @Test
    void twoFilesWithOneVersionAreReported() throws IOException {
        IntegrityFile.write(location);

        write("V2__Also_two.sql", "SELECT 2;\n");

        assertThat(IntegrityFile.check(location)).anySatisfy(p -> assertThat(p)
                .contains("V2__Add_status.sql and " + dir + "/V2__Also_two.sql both have version 2"));
        assertThatThrownBy(() -> IntegrityFile.write(location)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("both have version 2");
    }

    @Test
    void aFlywayScriptConfigurationFileIsListedAfterItsScript_isNoDuplicate_andItsEditIsReported() throws IOException {
        write("V2__Add_status.sql.conf", "executeInTransaction=false\n");

        assertThat(IntegrityFile.write(location)).containsSubsequence("V2__Add_status.sql", "V2__Add_status.sql.conf",
                "U2__Add_status.sql");
        assertThat(IntegrityFile.check(location)).isEmpty();
        write("V2__Add_status.sql.conf", "executeInTransaction=true\n");

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("V2__Add_status.sql.conf was edited after migrator.sum was written");
    }

    @Test
    void mergeConflictInTheFileSaysTwoBranchesAddedMigrations() throws IOException {
        IntegrityFile.write(location);
        String sum = Files.readString(dir.resolve("migrator.sum"));
        Files.writeString(dir.resolve("migrator.sum"), sum.replace("R__Views.sql",
                "<<<<<<< HEAD\nV11__A.sql v1:aa\n=======\nV11__B.sql v1:bb\n>>>>>>> feature\nR__Views.sql"));

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("holds a merge conflict (line").contains("two branches added migrations");
    }

    @Test
    void handEditedListIsCaughtByTheChain() throws IOException {
        IntegrityFile.write(location);
        Path sum = dir.resolve("migrator.sum");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sum));
        // Swap two lines: each line still matches its file, but the order (the chain) does not.
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith("V1__")).findFirst().orElseThrow());
        String v1 = lines.get(i);
        lines.set(i, lines.get(i + 1));
        lines.set(i + 1, v1);
        Files.write(sum, lines);

        assertThat(IntegrityFile.check(location)).singleElement().asString()
                .contains("was edited by hand: its chain line does not match");
    }

    @Test
    void migrateRefusesBeforeRunningWhenTheFileDoesNotMatch() throws IOException {
        IntegrityFile.write(location);
        write("V2__Add_status.sql", "ALTER TABLE orders ADD status VARCHAR(20);\n");

        assertThatThrownBy(() -> IntegrityFile.verifyBeforeRun(List.of(location, "classpath:db/none")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nothing was run")
                .hasMessageContaining("V2__Add_status.sql was edited");
    }

    @Test
    void migrateIgnoresLocationsWithoutTheFile() {
        IntegrityFile.verifyBeforeRun(List.of(location));
    }

    @Test
    void classpathLocationIsRefusedWithWhatToWriteInstead() {
        assertThatThrownBy(() -> IntegrityFile.write("classpath:db/migration"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("name it as filesystem:PATH");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
