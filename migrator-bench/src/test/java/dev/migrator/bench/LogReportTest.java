package dev.migrator.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogReportTest {

    @Test
    void progressLinesBecomeTheSameTable() {
        Report report = LogReport.of(List.of(
                "[postgresql N=1000 S2 1/5] raw JDBC           migrate    100.0 ms  process    200.0 ms  CPU    "
                        + "300.0 ms  RSS   50.0 MB  load 1.00, 1.00, 1.00",
                "[postgresql N=1000 S2 1/5] migrator           migrate    150.0 ms  process    260.0 ms  CPU    "
                        + "330.0 ms  RSS   60.0 MB  load 1.00, 1.00, 1.00",
                "[postgresql N=1000 S5_INFO 1/5] migrator           migrate    120.0 ms  process    240.0 ms  CPU   "
                        + " 300.0 ms  RSS   50.0 MB  load 1.00, 1.00, 1.00",
                "- postgresql: PostgreSQL 15.20"));

        assertThat(report.table(1000))
                .contains("| postgresql | S2 no-op boot (all N applied) | **migrator** | 1 | 150 (150–150) | 260 (260–260) "
                        + "| 330 (330–330) | 60.0 (60.0–60.0) | 1.50× | 1.30× | 1.10× | 1.20× |")
                .contains("| postgresql | S5 info() (all N applied) | **migrator** | 1 | 120 (120–120) | 240 (240–240) "
                        + "| 300 (300–300) | 50.0 (50.0–50.0) | 1.20× | 1.20× | 1.00× | 1.00× |");
    }

    @Test
    void theJitAndGcFiguresOfAProgressLineAreRead() {
        Report report = LogReport.of(List.of(
                "[h2 N=1000 S1 1/5] raw JDBC           migrate    100.0 ms  process    200.0 ms  CPU    "
                        + "300.0 ms  RSS   50.0 MB  load 1.00, 1.00, 1.00  JIT    100 ms  GC    10 ms",
                "[h2 N=1000 S1 1/5] migrator           migrate    150.0 ms  process    260.0 ms  CPU    "
                        + "400.0 ms  RSS   60.0 MB  load 1.00, 1.00, 1.00  JIT    150 ms  GC    10 ms"));

        assertThat(report.cpuTable(1000)).contains("| h2 | S1 apply all N to an empty schema | **migrator** | 400 | 150 "
                + "| 10 | 240 | 1.50× | 1.26× | 1.33× (1.33–1.33) |");
    }
}
