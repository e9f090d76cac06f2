package dev.migrator.core;

/**
 * What {@link Migrator#migrate()} and {@link Migrator#plan()} do with the risk linter's findings on the pending
 * migrations (see {@link Migrator#lint()}). Set with {@link Migrator.Builder#lint(LintMode)}.
 */
public enum LintMode {
    /** Do not lint before a run; {@link Migrator#lint()} still lints when called. */
    OFF,
    /** Log each finding that no {@code -- migrator:allow} comment acknowledges as a warning, then run (the default). */
    WARN,
    /** Refuse the run, before anything runs, while any finding is not acknowledged. */
    FAIL
}
