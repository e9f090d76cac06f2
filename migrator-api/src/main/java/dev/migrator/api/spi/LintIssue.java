package dev.migrator.api.spi;

import java.util.Objects;

/**
 * A risk a target's linter found in a pending script: a statement that can block the application while it runs, or
 * that breaks the version of the application still running.
 *
 * @param rule           a stable id, such as {@code PG-INDEX-NOT-CONCURRENT}
 * @param error          whether it is at error level (it blocks reads or writes on an existing table) rather than a
 *                       warning
 * @param script         the file name
 * @param line           the 1-based line where the statement starts
 * @param statement      the statement, as written
 * @param message        what it blocks, and what the linter knows of the table (exists, about how many rows)
 * @param fix            the safe alternative
 * @param acknowledgedBy the reason given in a {@code -- migrator:allow <RULE-ID> <reason>} comment on the line
 *                       before the statement, or null when nobody acknowledged it
 */
public record LintIssue(String rule, boolean error, String script, int line, String statement, String message,
                        String fix, String acknowledgedBy) {
    public LintIssue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
