package dev.migrator.api;

import java.time.Duration;

/**
 * What a {@link MigrationListener} is told about one run of {@code migrate()}, {@code migrateTo(...)},
 * {@code rollback(...)} or {@code rollbackTo(...)}: before it (with {@code versionAfter}, {@code count} and
 * {@code pending} unknown) and after it.
 *
 * @param runId         identifies the run, as in {@link MigrationEvent#runId()}; {@code null} before the run
 *                      started
 * @param operation     {@code "migrate"} or {@code "rollback"}
 * @param target        the database, described without credentials
 * @param versionBefore the highest applied version before the run; {@code null} when none or not known yet
 * @param versionAfter  the highest applied version after it; {@code null} when none or not known (before the run, or
 *                      after a failure)
 * @param count         the migrations applied or undone; 0 before the run
 * @param pending       the migrations still pending after the run; -1 when not known
 * @param duration      how long the run took; {@link Duration#ZERO} before it
 */
public record RunEvent(String runId, String operation, String target, String versionBefore, String versionAfter,
                       int count, int pending, Duration duration) {
}
