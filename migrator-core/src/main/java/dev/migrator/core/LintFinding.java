package dev.migrator.core;

import java.util.Objects;

/**
 * A risk the linter found in a pending migration: a statement that can block the application while it runs, or break
 * the version of the application still running. See {@code docs/zero-downtime.md} for every rule.
 *
 * @param rule      a stable id, such as {@code PG-INDEX-NOT-CONCURRENT}; acknowledge a finding with a comment
 *                  {@code -- migrator:allow <rule> <reason>} on the line before its statement
 * @param severity  {@link Severity#ERROR} when the statement blocks reads or writes on an existing table, else
 *                  {@link Severity#WARNING}
 * @param script    the file name
 * @param line      the 1-based line where the statement starts
 * @param statement the statement, on one line, cut to 200 characters
 * @param message   what it blocks, and what the linter knows of the table (whether it exists, about how many rows)
 * @param fix       the safe alternative
 */
public record LintFinding(String rule, Severity severity, String script, int line, String statement, String message,
                          String fix) {

    /** How bad a finding is. */
    public enum Severity {
        /** Worth a look: breaks the running application version, or costs more than it seems. */
        WARNING,
        /** Blocks reads or writes on an existing table while it runs. */
        ERROR
    }

    /** Checks that every field is present. */
    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line for logs and reports: {@code V3__x.sql line 4: PG-INDEX-NOT-CONCURRENT (ERROR) ... Fix: ...}. */
    @Override
    public String toString() {
        return script + " line " + line + ": " + rule + " (" + severity + ") " + message + ". Fix: " + fix;
    }
}
