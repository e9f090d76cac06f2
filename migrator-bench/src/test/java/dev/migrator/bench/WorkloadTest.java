package dev.migrator.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    @Test
    void releaseMixesCreateTableAddColumnIndexAndInsertInFixedShares() {
        List<Workload.Step> steps = Workload.steps(1000);

        Map<String, Long> kinds = steps.stream().flatMap(s -> s.statements().stream())
                .map(sql -> sql.substring(0, sql.indexOf(' ', sql.indexOf(' ') + 1)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(steps).hasSize(1000);
        assertThat(kinds).containsEntry("CREATE TABLE", 300L).containsEntry("ALTER TABLE", 300L)
                .containsEntry("CREATE INDEX", 200L)
                // 200 insert migrations, and 100 of the tables are created with seed rows
                .containsEntry("INSERT INTO", 300L);
    }

    @Test
    void releaseIsTheSameEveryTime() {
        assertThat(Workload.steps(300)).isEqualTo(Workload.steps(300));
    }

    @Test
    void changelogHoldsOneChangesetPerScriptWithTheSameStatements(@TempDir Path dir) throws Exception {
        Workload.write(dir, 25);

        List<Path> scripts = Workload.versionedScripts(Workload.sqlDir(dir));
        String changelog = Files.readString(Workload.liquibaseDir(dir).resolve(Workload.CHANGELOG),
                StandardCharsets.UTF_8);
        String[] changesets = changelog.split("\n--changeset bench:\\d+\n");

        assertThat(changelog).startsWith("--liquibase formatted sql\n");
        assertThat(scripts).hasSize(25);
        assertThat(changesets).hasSize(26);
        List<String> bodies = new ArrayList<>();
        for (Path script : scripts) {
            bodies.add(Files.readString(script, StandardCharsets.UTF_8));
        }
        assertThat(List.of(changesets).subList(1, 26)).containsExactlyElementsOf(bodies);
    }

    @Test
    void scriptsAreReadInNumericVersionOrder(@TempDir Path dir) throws Exception {
        Workload.write(dir, 12);

        assertThat(Workload.versionedScripts(Workload.sqlDir(dir)))
                .extracting(p -> p.getFileName().toString().substring(0, p.getFileName().toString().indexOf("__")))
                .containsExactly("V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "V11", "V12");
    }

    @Test
    void statementsAreSplitAtSemicolonsThatEndALine() {
        assertThat(Workload.statements("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n"))
                .containsExactly("CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
    }
}
