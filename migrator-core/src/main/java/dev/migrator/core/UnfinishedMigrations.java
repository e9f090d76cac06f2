package dev.migrator.core;

import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.TargetSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Unfinished migrations whose server session may still run: a client that died while its statement went on. Found by
 * the session id on their STARTED row; resolving them while that session runs would race it.
 */
final class UnfinishedMigrations {
    private UnfinishedMigrations() {
    }

    /**
     * A STARTED row whose server session still runs (the client died, its statement did not): resolving it now
     * would race that statement, so repair and markApplied refuse, naming the session and how to end it.
     */
    static void refuseWhileRunning(HistoryState state, TargetSession session, String call) {
        List<String> running = new ArrayList<>();
        for (HistoryState.Entry e : state.versionedEntries()) {
            String live = session.liveSession(e.startedSession());
            if (live != null) {
                running.add("version " + e.key() + " is still running on the server as " + live);
            }
        }
        if (!running.isEmpty()) {
            throw new ValidationException(call + " refused on " + session.describe() + ": an unfinished migration is "
                    + "still running; nothing was changed", running);
        }
    }

    /** The problems, with a line for each unfinished migration whose session still runs on the server. */
    static List<String> withLiveSessions(List<String> problems, HistoryState state, TargetSession session) {
        List<String> all = new ArrayList<>(problems);
        for (HistoryState.Entry e : state.versionedEntries()) {
            String live = session.liveSession(e.startedSession());
            if (live != null) {
                all.add("version " + e.key() + " is still running on the server as " + live
                        + "; do not repair it before it ends");
            }
        }
        return all;
    }

}
