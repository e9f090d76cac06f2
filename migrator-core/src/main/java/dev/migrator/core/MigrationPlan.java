package dev.migrator.core;

import java.util.List;

/**
 * What {@code migrate()} (or, from {@code rollbackPlan}, a rollback) would run, statement by statement. Made without
 * running, locking or creating anything.
 *
 * @param migrations the migrations in the order they would run (for a rollback: their downs, newest first)
 * @param terminator how the target ends a statement in a script ({@code ";"}, or a {@code GO} line)
 */
public record MigrationPlan(List<PlannedMigration> migrations, String terminator) {
    public MigrationPlan {
        migrations = List.copyOf(migrations);
    }

    /** One reviewable script: a comment header per migration, then its statements, each with its terminator. */
    public String toSql() {
        StringBuilder sql = new StringBuilder();
        if (migrations.isEmpty()) {
            return "-- Nothing to migrate: the database is up to date.\n";
        }
        for (PlannedMigration m : migrations) {
            sql.append("-- ").append(m.version() == null ? "repeatable" : "version " + m.version())
                    .append(": ").append(m.description()).append(" (").append(m.script()).append(")")
                    .append(m.transactional() ? "" : " [runs outside a transaction]").append('\n');
            if (m.statements().isEmpty()) {
                sql.append("-- Java migration: its statements are known only when it runs.\n");
            }
            for (String statement : m.statements()) {
                sql.append(statement).append(terminator).append('\n');
            }
            sql.append('\n');
        }
        return sql.toString();
    }
}
