package dev.migrator.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Report.median(List.of(5.0, 1.0, 9.0, 3.0, 7.0))).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Report.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void ratiosAreToTheRawFloorOfTheSameDatabaseAndScenario() {
        Report report = new Report();
        for (double ms : new double[] {100, 110, 120}) {
            report.add(1000, DbKind.H2, Report.Scenario.S2, Tool.RAW, new ChildJvm.Sample(ms, ms * 2, ms * 4, 50_000, 0));
            report.add(1000, DbKind.H2, Report.Scenario.S2, Tool.MIGRATOR, new ChildJvm.Sample(ms * 1.5, ms * 3, ms * 4, 60_000, 0));
        }

        String table = report.table(1000);

        assertThat(table).contains("| h2 | S2 no-op boot (all N applied) | **migrator** | 3 | 165 (150–180) "
                + "| 330 (300–360) | 440 (400–480) | 58.6 (58.6–58.6) | 1.50× | 1.50× | 1.00× | 1.20× |");
    }

    @Test
    void validateAndInfoAreComparedWithTheNoOpFloorAndGrowthIsPerN() {
        Report report = new Report();
        report.add(1000, DbKind.H2, Report.Scenario.S2, Tool.RAW, new ChildJvm.Sample(100, 200, 300, 50_000, 0));
        report.add(1000, DbKind.H2, Report.Scenario.S5_VALIDATE, Tool.MIGRATOR,
                new ChildJvm.Sample(120, 240, 300, 50_000, 0));
        report.add(10000, DbKind.H2, Report.Scenario.S2, Tool.RAW, new ChildJvm.Sample(400, 500, 600, 60_000, 0));
        report.add(10000, DbKind.H2, Report.Scenario.S5_VALIDATE, Tool.MIGRATOR,
                new ChildJvm.Sample(600, 700, 800, 70_000, 0));

        assertThat(report.table(1000)).contains("| h2 | S5 validate() (all N applied) | **migrator** | 1 | 120 (120–120) "
                + "| 240 (240–240) | 300 (300–300) | 48.8 (48.8–48.8) | 1.20× | 1.20× | 1.00× | 1.00× |")
                .doesNotContain("| 600 (");
        assertThat(report.growthTable(List.of(1000, 10000)))
                .contains("| h2 | S5 validate() (all N applied) | **migrator** | 120 | 600 | 5.00 | 300 | 800 | 2.67 | 80 |")
                .contains("| h2 | S2 no-op boot (all N applied) | *raw JDBC* | 100 | 400 | 4.00 | 300 | 600 | 2.00 | 60 |");
        assertThat(report.growthTable(List.of(1000))).isEmpty();
    }

    @Test
    void everyRoundStartsWithAnotherTool() {
        assertThat(BenchRunner.rotate(List.of("a", "b", "c"), 0)).containsExactly("a", "b", "c");
        assertThat(BenchRunner.rotate(List.of("a", "b", "c"), 1)).containsExactly("b", "c", "a");
        assertThat(BenchRunner.rotate(List.of("a", "b", "c"), 4)).containsExactly("b", "c", "a");
    }

    @Test
    void theCpuIsSplitIntoJitGcAndTheRest_eachRestComparedWithTheFloors() {
        Report report = new Report();
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.RAW,
                new ChildJvm.Sample(1000, 1200, 2000, 80_000, 1000, 700, 20));
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.MIGRATOR,
                new ChildJvm.Sample(1100, 1300, 2600, 90_000, 1000, 1100, 40));
        report.add(1000, DbKind.H2, Report.Scenario.S1, Tool.MIGRATOR, new ChildJvm.Sample(1, 2, 3, 4, 5));

        assertThat(report.cpuTable(1000))
                .contains("| postgresql | S1 apply all N to an empty schema | **migrator** | 2600 | 1100 | 40 | 1460 "
                        + "| 1.57× | 1.14× | 1.30× (1.30–1.30) |")
                .contains("| postgresql | S1 apply all N to an empty schema | *raw JDBC* | 2000 | 700 | 20 | 1280 "
                        + "| 1.00× | 1.00× | – |")
                .doesNotContain("| h2 |");
        assertThat(new Report().cpuTable(1000)).isEmpty();
    }

    @Test
    void theCpuPerRoundIsEachRoundsRatioToTheFloorsRunOfTheSameRound() {
        Report report = new Report();
        // The machine was twice as busy in the second round: both sides took longer.
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.RAW,
                new ChildJvm.Sample(1, 1, 1000, 80_000, 1000, 500, 0));
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.MIGRATOR,
                new ChildJvm.Sample(1, 1, 1200, 80_000, 1000, 600, 0));
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.RAW,
                new ChildJvm.Sample(1, 1, 2000, 80_000, 1000, 1000, 0));
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.MIGRATOR,
                new ChildJvm.Sample(1, 1, 2200, 80_000, 1000, 1100, 0));
        // One run of a peer does not pair with the floor's two.
        report.add(1000, DbKind.POSTGRESQL, Report.Scenario.S1, Tool.FLYWAY,
                new ChildJvm.Sample(1, 1, 3000, 80_000, 1000, 1500, 0));

        assertThat(report.cpuTable(1000))
                .contains("| postgresql | S1 apply all N to an empty schema | **migrator** | 1700 | 850 | 0 | 850 "
                        + "| 1.13× | 1.13× | 1.15× (1.10–1.20) |")
                .contains("| postgresql | S1 apply all N to an empty schema | **flyway** | 3000 | 1500 | 0 | 1500 "
                        + "| 2.00× | 2.00× | – |");
    }

    @Test
    void aChildReportsItsJitAndGcThreadsCpuOnLinux() {
        long[] jvm = ChildArgs.jvmThreadsCpuMillis();
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(jvm[0]).as("a JVM that ran tests has compiled something").isPositive();
            assertThat(jvm[1]).isNotNegative();
        } else {
            assertThat(jvm).containsExactly(-1, -1);
        }
    }
}
