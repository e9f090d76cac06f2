package dev.migrator.cli;

import dev.migrator.jdbc.JdbcTarget;

import java.util.Locale;

/**
 * {@code --lock session|lease}: which migration lock a relational target takes. Not given, a target takes its
 * database's session lock (PostgreSQL advisory lock, MySQL/MariaDB {@code GET_LOCK}, SQL Server
 * {@code sp_getapplock}, Oracle {@code DBMS_LOCK}), or the lease where it has none or sits behind a pooler.
 */
enum LockChoice {
    /** The database's own session lock (the default). */
    SESSION,
    /** The fenced lease row in {@code migrator_lock} ({@link JdbcTarget#leaseLock()}), for transaction-mode poolers. */
    LEASE;

    /** The choice for {@code text}, or {@code null} when {@code text} names neither. */
    static LockChoice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals("session") ? SESSION : t.equals("lease") ? LEASE : null;
    }

    /** {@code target} locked as chosen; {@code choice} may be {@code null} (not given: the session lock). */
    static JdbcTarget apply(LockChoice choice, JdbcTarget target) {
        return choice == LEASE ? target.leaseLock() : target;
    }

    /** As typed: {@code session} or {@code lease}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
