package dev.migrator.jdbc.internal.lint;

import dev.migrator.api.spi.LintIssue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The state of one lint run over the pending scripts, in order: what the earlier scripts created (an operation on a
 * table created in the same pending set is no risk to a running application), what the current script did so far,
 * and the findings. One thread; one run.
 */
final class LintRun {
    /** Above this many rows, data changes in a migration that also changes the schema are worth a warning. */
    static final long LARGE_TABLE_ROWS = 10_000;

    private final LintServer server;
    private final LintCatalog catalog;
    private final List<LintIssue> issues = new ArrayList<>();
    private final Set<String> created = new HashSet<>();
    /** {@code table.column} with a validated {@code CHECK (column IS NOT NULL)} added by an earlier statement. */
    private final Set<String> validatedNotNull = new HashSet<>();
    /** Constraints added {@code NOT VALID} as {@code CHECK (column IS NOT NULL)}: name to {@code table.column}. */
    private final Map<String, String> pendingNotNullChecks = new HashMap<>();

    private Allowances allowances = Allowances.NONE;
    /** Existing tables that the current script changed with DDL, in order. */
    private final Set<String> scriptDdlTables = new LinkedHashSet<>();
    private boolean scriptTransactional;
    private boolean scriptSeveralHotReported;
    private boolean scriptMixReported;
    private boolean scriptHasLargeDml;
    private LintStatement scriptFirstLargeDml;

    LintRun(LintServer server, LintCatalog catalog) {
        this.server = server;
        this.catalog = catalog;
    }

    LintServer server() {
        return server;
    }

    LintCatalog catalog() {
        return catalog;
    }

    List<LintIssue> issues() {
        return List.copyOf(issues);
    }

    void startScript(Allowances allowances, boolean transactional) {
        this.allowances = allowances;
        this.scriptTransactional = transactional;
        scriptDdlTables.clear();
        scriptSeveralHotReported = false;
        scriptMixReported = false;
        scriptHasLargeDml = false;
        scriptFirstLargeDml = null;
    }

    /**
     * Whether an operation on {@code table} can hurt a running application, and why: null when the table was created
     * in the pending set or (connected) does not exist; otherwise what is known of it, for the message.
     */
    String risk(String table) {
        if (table == null || created.contains(key(table))) {
            return null;
        }
        if (!catalog.online()) {
            return "offline: the linter cannot tell whether " + table + " exists or how large it is";
        }
        if (!catalog.mayExist(table)) {
            return null;
        }
        long rows = catalog.rows(table);
        return rows < 0 ? table + " exists; its size is unknown (never analyzed)"
                : table + " exists with about " + String.format(Locale.ROOT, "%,d", rows) + " rows";
    }

    /** Whether a data change on the table may take long: connected, a table above {@link #LARGE_TABLE_ROWS}. */
    boolean large(String table) {
        if (risk(table) == null) {
            return false;
        }
        return !catalog.online() || catalog.rows(table) < 0 || catalog.rows(table) >= LARGE_TABLE_ROWS;
    }

    void created(String table) {
        created.add(key(table));
    }

    void dropped(String table) {
        created.remove(key(table));
    }

    void notNullCheckAddedNotValid(String constraint, String table, String column) {
        pendingNotNullChecks.put(key(constraint), key(table + "." + column));
    }

    void constraintValidated(String constraint) {
        String column = pendingNotNullChecks.remove(key(constraint));
        if (column != null) {
            validatedNotNull.add(column);
        }
    }

    boolean notNullProven(String table, String column) {
        return validatedNotNull.contains(key(table + "." + column)) || catalog.hasNotNullCheck(table, column);
    }

    boolean scriptTransactional() {
        return scriptTransactional;
    }

    /**
     * Notes that a statement takes a lock on an existing table with DDL; returns whether this makes the script hold
     * such locks on several tables at once (reported once per script).
     */
    boolean ddlOnHotTable(String table) {
        scriptDdlTables.add(key(table));
        if (scriptDdlTables.size() >= 2 && !scriptSeveralHotReported) {
            scriptSeveralHotReported = true;
            return true;
        }
        return false;
    }

    Set<String> scriptDdlTables() {
        return scriptDdlTables;
    }

    void largeDml(LintStatement s) {
        scriptHasLargeDml = true;
        if (scriptFirstLargeDml == null) {
            scriptFirstLargeDml = s;
        }
    }

    /** The first large data change of the script, if the script also changes an existing table's schema; once. */
    LintStatement mixedDdlAndDml() {
        if (scriptHasLargeDml && !scriptDdlTables.isEmpty() && !scriptMixReported) {
            scriptMixReported = true;
            return scriptFirstLargeDml;
        }
        return null;
    }

    /** Records a finding, acknowledged if a {@code -- migrator:allow} comment above the statement names its rule. */
    void report(String suffix, boolean error, LintStatement s, String message, String fix) {
        String rule = server.rulePrefix() + "-" + suffix;
        issues.add(new LintIssue(rule, error, s.script(), s.line(), s.excerpt(), message, fix,
                allowances.reason(s.line(), rule)));
    }

    /** Records a finding whose id does not depend on the database ({@code SQL-...}). */
    void reportAny(String suffix, boolean error, LintStatement s, String message, String fix) {
        String rule = "SQL-" + suffix;
        issues.add(new LintIssue(rule, error, s.script(), s.line(), s.excerpt(), message, fix,
                allowances.reason(s.line(), rule)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
