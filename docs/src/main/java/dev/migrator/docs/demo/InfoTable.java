package dev.migrator.docs.demo;

import dev.migrator.core.MigrationStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code info()} as a plain-text table with aligned columns, as an operator would want to read it. */
final class InfoTable {
    static final List<String> HEADER = List.of("Version", "Description", "Type", "State", "Reversible",
            "Installed on (UTC)");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private InfoTable() {
    }

    static String render(List<MigrationStatus> statuses) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MigrationStatus s : statuses) {
            rows.add(List.of(
                    s.version() == null ? "" : s.version(),   // repeatable migrations have no version
                    s.description(),
                    s.type().name(),
                    s.state().name(),
                    s.reversible() ? "yes" : "no",
                    s.installedOn() == null ? "" : INSTANT.format(s.installedOn())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(table, rows.get(r), widths);
            if (r == 0) {
                rule(table, widths);
            }
        }
        return table.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(" | ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void rule(StringBuilder out, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                out.append("-+-");
            }
            out.append("-".repeat(widths[i]));
        }
        out.append('\n');
    }
}
