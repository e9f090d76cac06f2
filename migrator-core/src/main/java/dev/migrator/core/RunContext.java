package dev.migrator.core;

import dev.migrator.api.MigrationListener;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import dev.migrator.api.spi.TargetSession;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;

/**
 * One run's identity and the next history rank. The one mutable thing of a run: it hands out ranks, so it is used
 * only by the thread holding the lock.
 */
final class RunContext {
    static final String TOOL_VERSION = toolVersion();

    final String runId;
    final TargetSession session;
    final String target;
    final String installedBy;
    final Clock clock;
    final MigrationListener listener;
    private String host;
    private String databaseUser;
    private int nextRank;

    RunContext(String runId, TargetSession session, String target, String installedBy, Clock clock,
               MigrationListener listener) {
        this.runId = runId;
        this.session = session;
        this.target = target;
        this.installedBy = installedBy;
        this.clock = clock;
        this.listener = listener;
    }

    /** Continues numbering after the history as read under the lock. */
    void startRanksAfter(int maxRank) {
        this.nextRank = maxRank + 1;
    }

    HistoryRecord record(String version, String description, String type, String script, String checksum,
                         Action action, Outcome outcome, Instant on, long millis, String error) {
        return new HistoryRecord(nextRank++, version, description, type, script, checksum, action, outcome,
                installedBy, databaseUser(), host(), TOOL_VERSION, runId, on, millis, error);
    }

    private String databaseUser() {
        if (databaseUser == null) {
            databaseUser = session.user();
        }
        return databaseUser;
    }

    // Looked up only when a row is written, never on a no-op boot: a badly configured resolver can take seconds.
    private String host() {
        if (host == null) {
            String env = System.getenv("HOSTNAME");
            if (env == null || env.isBlank()) {
                env = System.getenv("COMPUTERNAME");
            }
            if (env == null || env.isBlank()) {
                try {
                    env = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    env = "unknown";
                }
            }
            host = env;
        }
        return host;
    }

    private static String toolVersion() {
        String v = RunContext.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
