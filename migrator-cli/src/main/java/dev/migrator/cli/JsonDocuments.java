package dev.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.internal.Secrets;
import dev.migrator.core.LintFinding;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.PlannedMigration;
import dev.migrator.core.RepairResult;

import java.util.List;

/**
 * The JSON documents of the commands whose results have no {@code toJson()} in core (info, validate, plan, baseline,
 * repair) and of every failure; {@code migrate} and {@code rollback} print core's {@code toJson()} as it is. Same
 * style as core's: {@code schemaVersion}, {@code operation}, {@code success}, {@code target} first.
 *
 * <p>Every key is listed in {@code docs/json-report.md}, and a test holds the two together. Pipelines parse these:
 * rename or remove a key only with a new {@link #SCHEMA_VERSION}; adding one is allowed.
 */
final class JsonDocuments {
    /** Follows core's reports (JsonReports.SCHEMA_VERSION): one number for every document of a release. */
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDocuments() {
    }

    static String info(String target, List<MigrationStatus> statuses) {
        ObjectNode root = header("info", true, target);
        ArrayNode list = root.putArray("migrations");
        for (MigrationStatus s : statuses) {
            ObjectNode o = list.addObject();
            o.put("version", s.version());
            o.put("description", s.description());
            o.put("type", s.type() == null ? null : s.type().name());
            o.put("script", s.script());
            o.put("state", s.state().name());
            o.put("reversible", s.reversible());
            o.put("installedOn", s.installedOn() == null ? null : s.installedOn().toString());
            o.put("checksum", s.checksum());
        }
        return write(root);
    }

    static String validate(String target) {
        return write(header("validate", true, target));
    }

    /** A plan: {@code operation} is {@code plan}, or {@code rollback-plan} for {@code rollback --dry-run}. */
    static String plan(String operation, String target, MigrationPlan plan) {
        ObjectNode root = header(operation, true, target);
        ArrayNode list = root.putArray("migrations");
        for (PlannedMigration m : plan.migrations()) {
            ObjectNode o = list.addObject();
            o.put("version", m.version());
            o.put("description", m.description());
            o.put("script", m.script());
            o.put("transactional", m.transactional());
            ArrayNode statements = o.putArray("statements");
            m.statements().forEach(statements::add);
        }
        root.put("sql", plan.toSql());
        return write(root);
    }

    static String baseline(String target, String version) {
        ObjectNode root = header("baseline", true, target);
        root.put("version", version);
        return write(root);
    }

    static String repair(String target, RepairResult result) {
        ObjectNode root = header("repair", true, target);
        ArrayNode cleared = root.putArray("clearedFailures");
        result.clearedFailures().forEach(cleared::add);
        ArrayNode realigned = root.putArray("realignedChecksums");
        result.realignedChecksums().forEach(realigned::add);
        ArrayNode marked = root.putArray("markedApplied");
        result.markedApplied().forEach(marked::add);
        return write(root);
    }

    /**
     * A failure.
     *
     * @param command the command, {@code null} when the command line named none that is known
     * @param target  the target described without credentials, {@code null} when not known yet
     */
    static String error(Command command, String target, Throwable failure) {
        return failedOperation(command == null ? null : command.word(), target, failure);
    }

    /** A failure of {@code operation} ({@code rollback-plan} for {@code rollback --dry-run}; null when unknown). */
    static String failedOperation(String operation, String target, Throwable failure) {
        ErrorCode code = ErrorCode.of(failure);
        ObjectNode root = header(operation, false, target);
        ObjectNode error = root.putObject("error");
        error.put("code", code.name());
        error.put("message", Messages.of(failure));
        ArrayNode problems = error.putArray("problems");
        problems(failure).forEach(p -> problems.add(Messages.text(p)));
        ArrayNode suppressed = error.putArray("suppressed");
        for (Throwable s : failure.getSuppressed()) {
            suppressed.add(Messages.of(s));
        }
        if (failure instanceof MigrationFailedException f) {
            error.put("version", f.version());
            error.put("script", f.script());
            error.put("line", f.line());
            error.put("statement", Secrets.mask(f.statement()));
            error.put("leftChanges", f.leftChanges());
            error.put("statementNumber", f.statementNumber());
            error.put("statementCount", f.statementCount());
            error.put("committedStatements", f.committedStatements());
        }
        if (failure instanceof IrreversibleMigrationException i) {
            ArrayNode versions = error.putArray("versions");
            i.versions().forEach(versions::add);
        }
        return write(root);
    }

    /**
     * Core's document (migrate, rollback) with the CLI's {@code target}: the same masked form, built from the URL as
     * typed, in every document (core's names the connection's URL, which may carry driver-added parameters).
     */
    static String withTarget(String json, String target) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            root.put("target", target);
            return write(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("core wrote a JSON document that does not parse", e);
        }
    }

    static String lint(String target, List<LintFinding> findings, boolean success) {
        ObjectNode root = header("lint", success, target);
        ArrayNode list = root.putArray("findings");
        for (LintFinding f : findings) {
            ObjectNode o = list.addObject();
            o.put("rule", f.rule());
            o.put("severity", f.severity().name());
            o.put("script", f.script());
            o.put("line", f.line());
            o.put("statement", f.statement());
            o.put("message", f.message());
            o.put("fix", f.fix());
        }
        return write(root);
    }

    private static List<String> problems(Throwable failure) {
        if (failure instanceof ValidationException v) {
            return v.problems();
        }
        if (failure instanceof ConfigurationException c) {
            return c.problems();
        }
        return List.of(Messages.of(failure));
    }

    private static ObjectNode header(String operation, boolean success, String target) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("operation", operation);
        root.put("success", success);
        root.put("target", target);
        return root;
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree of plain values", e);
        }
    }
}
