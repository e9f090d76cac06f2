package dev.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.core.FleetOutcome;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTargetResult;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationStatus;

import java.util.List;

/**
 * What a fleet command prints: one JSON document for the whole fleet (core's {@code FleetResult.toJson()}, with each
 * target's exit status, its error as the single-target error document has it, and its own report for info, plan,
 * validate and lint), or a table for a human; and the exit status: 0 when every target succeeded, otherwise the most
 * severe of the targets' statuses.
 */
final class FleetReport {
    /**
     * Exit statuses from the most severe: a migration failed (a database may be half changed), a lock was held, the
     * history disagrees, a setting or connection is wrong, lint found risks.
     */
    private static final List<Integer> SEVERITY = List.of(1, 4, 3, 2, ErrorCode.LINT_FINDINGS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetResult result;
    private final int[] shard;

    /** @param shard {index, count}, or {@code null} when not sharded */
    FleetReport(FleetResult result, int[] shard) {
        this.result = result;
        this.shard = shard;
    }

    /** The exit status of one target: 0, its error's, or its report's (lint); {@code null} when skipped. */
    static Integer exitStatus(FleetTargetResult t) {
        switch (t.outcome()) {
            case SKIPPED:
                return null;
            case FAILED:
                return ErrorCode.of(t.error()).exitStatus();
            default:
                return t.report() instanceof Report r ? r.exitStatus() : ErrorCode.SUCCESS;
        }
    }

    /** 0 when every target succeeded; otherwise the most severe status of a target (1 when only skips are left). */
    int exitStatus() {
        int worst = ErrorCode.SUCCESS;
        for (FleetTargetResult t : result.targets()) {
            Integer status = exitStatus(t);
            int s = status == null ? ErrorCode.ERROR.exitStatus() : status;
            if (s != ErrorCode.SUCCESS && (worst == ErrorCode.SUCCESS || rank(s) < rank(worst))) {
                worst = s;
            }
        }
        return worst;
    }

    private static int rank(int status) {
        int i = SEVERITY.indexOf(status);
        return i < 0 ? 0 : i;
    }

    String json() {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(result.toJson());
            root.put("exitStatus", exitStatus());
            if (shard != null) {
                root.putObject("shard").put("index", shard[0]).put("count", shard[1]);
            }
            JsonNode targets = root.get("targets");
            for (int i = 0; i < result.targets().size(); i++) {
                FleetTargetResult t = result.targets().get(i);
                ObjectNode node = (ObjectNode) targets.get(i);
                node.put("exitStatus", exitStatus(t));
                if (t.error() != null) {
                    node.set("error", JSON.readTree(JsonDocuments.error(null, t.name(), t.error())).get("error"));
                }
                String report = report(t);
                if (report != null) {
                    node.set("report", JSON.readTree(report));
                }
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read a JSON document just written", e);
        }
    }

    /** The target's own document, for the commands whose result is more than versions. */
    private static String report(FleetTargetResult t) {
        if (t.report() instanceof Report r) {
            return r.json();
        }
        if (t.report() instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<MigrationStatus> statuses = (List<MigrationStatus>) list;
            return JsonDocuments.info(t.name(), statuses);
        }
        return null;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        int n = result.targets().size();
        out.append(result.operation()).append(" on ").append(n).append(n == 1 ? " target" : " targets")
                .append(shard == null ? "" : " (shard " + shard[0] + "/" + shard[1] + ")").append(":\n");
        for (FleetTargetResult t : result.targets()) {
            out.append("  ").append(line(t)).append('\n');
        }
        for (FleetTargetResult t : result.targets()) {
            String text = t.report() instanceof Report r ? r.text() : t.report() instanceof List<?> list
                    ? TextReports.info(t.name(), statusList(list)) : null;
            if (text != null && !text.isBlank()) {
                out.append("\n== ").append(t.name()).append(" ==\n").append(text);
                if (!text.endsWith("\n")) {
                    out.append('\n');
                }
            }
        }
        out.append(result.summary()).append('\n');
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<MigrationStatus> statusList(List<?> list) {
        return (List<MigrationStatus>) list;
    }

    /** {@code acme SUCCEEDED 1 -> 3 (2 applied, 120 ms)}, {@code globex FAILED (exit status 1): ...}. */
    static String line(FleetTargetResult t) {
        if (t.outcome() == FleetOutcome.SKIPPED) {
            return t.name() + " SKIPPED";
        }
        if (t.outcome() == FleetOutcome.FAILED) {
            ErrorCode code = ErrorCode.of(t.error());
            String message = Messages.of(t.error());
            int cut = message.indexOf('\n');
            return t.name() + " FAILED (" + code + ", exit status " + code.exitStatus() + ") in "
                    + t.duration().toMillis() + " ms: " + (cut < 0 ? message : message.substring(0, cut));
        }
        String versions = t.report() instanceof MigrateResult || t.versionAfter() != null
                ? " " + version(t.versionBefore()) + " -> " + version(t.versionAfter()) : "";
        String applied = t.report() instanceof MigrateResult ? t.applied().size() + " applied, " : "";
        return t.name() + " SUCCEEDED" + versions + " (" + applied + t.duration().toMillis() + " ms)";
    }

    private static String version(String v) {
        return v == null ? "none" : v;
    }
}
