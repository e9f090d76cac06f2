package dev.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.api.ConfigurationException;
import dev.migrator.core.LintFinding;
import dev.migrator.core.Migrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code lint} command: lints, prints the findings, writes SARIF 2.1.0 when asked, and picks the exit status
 * (5 when a finding reaches the {@code --fail-on} level).
 */
final class LintReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LintReports() {
    }

    static Report run(Migrator migrator, Settings settings, String target) {
        List<LintFinding> findings = migrator.lint();
        boolean fails = findings.stream().anyMatch(f -> settings.failOnWarning()
                || f.severity() == LintFinding.Severity.ERROR);
        if (settings.sarif() != null) {
            writeSarif(settings.sarif(), findings, scriptPaths(settings.locations()));
        }
        return new Report(JsonDocuments.lint(target, findings, !fails), text(target, findings),
                fails ? ErrorCode.LINT_FINDINGS : ErrorCode.SUCCESS);
    }

    static String text(String target, List<LintFinding> findings) {
        if (findings.isEmpty()) {
            return "No risks found in the pending migrations of " + target + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (LintFinding f : findings) {
            b.append(f.script()).append(':').append(f.line()).append(": ").append(f.severity()).append(' ')
                    .append(f.rule()).append('\n')
                    .append("  ").append(f.statement()).append('\n')
                    .append("  ").append(f.message()).append('\n')
                    .append("  Fix: ").append(f.fix()).append('\n');
        }
        long errors = findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        b.append(findings.size()).append(" finding").append(findings.size() == 1 ? "" : "s").append(" (")
                .append(errors).append(" at error level) in the pending migrations of ").append(target)
                .append(". Acknowledge one with '-- migrator:allow <RULE-ID> <reason>' on the line before its "
                        + "statement.\n");
        return b.toString();
    }

    /**
     * The findings as a SARIF 2.1.0 log, as GitHub code scanning reads it: one rule per id, one result per finding,
     * located at the script's path (relative to the working directory when the script was found on disk).
     */
    static String sarif(List<LintFinding> findings, Map<String, String> paths) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "migrator");
        driver.put("informationUri", "https://github.com/migrator/migrator/blob/main/docs/zero-downtime.md");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (LintFinding f : findings) {
            if (!ruleIndex.containsKey(f.rule())) {
                ruleIndex.put(f.rule(), ruleIndex.size());
                ObjectNode r = rules.addObject();
                r.put("id", f.rule());
                r.putObject("shortDescription").put("text", f.rule());
                r.putObject("help").put("text", f.fix());
                r.putObject("defaultConfiguration").put("level", level(f));
            }
        }
        ArrayNode results = run.putArray("results");
        for (LintFinding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            r.put("ruleIndex", ruleIndex.get(f.rule()));
            r.put("level", level(f));
            r.putObject("message").put("text", f.message() + ". Fix: " + f.fix());
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", paths.getOrDefault(f.script(), f.script()));
            location.putObject("region").put("startLine", Math.max(1, f.line()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String level(LintFinding f) {
        return f.severity() == LintFinding.Severity.ERROR ? "error" : "warning";
    }

    private static void writeSarif(Path file, List<LintFinding> findings, Map<String, String> paths) {
        try {
            Files.writeString(file, sarif(findings, paths) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write the SARIF file " + file + " (" + e.getMessage()
                    + "): check that its directory exists and is writable", e);
        }
    }

    /** Script file name to its path relative to the working directory, for scripts in filesystem: locations. */
    private static Map<String, String> scriptPaths(List<String> locations) {
        Map<String, String> paths = new HashMap<>();
        Path cwd = Path.of("").toAbsolutePath();
        List<String> dirs = locations.isEmpty() ? List.of("db/migration") : locations.stream()
                .filter(l -> l.startsWith("filesystem:")).map(l -> l.substring("filesystem:".length())).toList();
        for (String dir : dirs) {
            Path root = Path.of(dir).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(p -> paths.putIfAbsent(p.getFileName().toString(),
                        (p.startsWith(cwd) ? cwd.relativize(p) : p).toString().replace('\\', '/')));
            } catch (IOException e) {
                // A location that cannot be walked only loses the paths; the file names still locate the findings.
            }
        }
        return paths;
    }
}
