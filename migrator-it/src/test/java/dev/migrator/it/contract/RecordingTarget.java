package dev.migrator.it.contract;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.ForeignTable;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.LintInput;
import dev.migrator.api.spi.LintIssue;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SnapshotStore;
import dev.migrator.api.spi.TargetLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A target that passes everything through and remembers every history row the engine read, so that the invariants
 * can check afterwards that no row was rewritten.
 */
final class RecordingTarget implements MigrationTarget {
    private final MigrationTarget target;
    private final Map<Integer, HistoryRecord> seen = new ConcurrentHashMap<>();

    RecordingTarget(MigrationTarget target) {
        this.target = target;
    }

    /** Every row read during the test, by rank (the first reading of each). */
    Map<Integer, HistoryRecord> seen() {
        return seen;
    }

    @Override
    public TargetSession open(TargetSettings settings) {
        return new Session(target.open(settings));
    }

    @Override
    public String scriptSuffix() {
        return target.scriptSuffix();
    }

    @Override
    public boolean accepts(Migration<?> migration) {
        return target.accepts(migration);
    }

    @Override
    public String defaultLocation() {
        return target.defaultLocation();
    }

    @Override
    public List<LintIssue> lintOffline(List<LintInput> scripts) {
        return target.lintOffline(scripts);
    }

    @Override
    public String toString() {
        return target.toString();
    }

    /** Passes every call through; RecordingTargetTest fails when the SPI grows a method this does not forward. */
    final class Session implements TargetSession {
        private final TargetSession s;

        Session(TargetSession s) {
            this.s = s;
        }

        @Override
        public HistoryStore history() {
            HistoryStore h = s.history();
            return new HistoryStore() {
                @Override
                public boolean exists() {
                    return h.exists();
                }

                @Override
                public void create() {
                    h.create();
                }

                @Override
                public List<HistoryRecord> read() {
                    List<HistoryRecord> rows = h.read();
                    rows.forEach(r -> seen.putIfAbsent(r.rank(), r));
                    return rows;
                }

                @Override
                public void append(HistoryRecord record) {
                    h.append(record);
                }
            };
        }

        // Everything else passes through unchanged.
        @Override public String describe() { return s.describe(); }
        @Override public String user() { return s.user(); }
        @Override public TargetLock lock() { return s.lock(); }
        @Override public Executable prepareScript(String name, String text) { return s.prepareScript(name, text); }
        @Override public Executable prepareJava(Migration<?> m, boolean undo) { return s.prepareJava(m, undo); }
        @Override public SchemaModel snapshot() { return s.snapshot(); }
        @Override public String statementTerminator() { return s.statementTerminator(); }
        @Override public String liveSession(String id) { return s.liveSession(id); }
        @Override public void guard(Runnable check) { s.guard(check); }
        @Override public Executable resume(Executable e, int from) { return s.resume(e, from); }
        @Override public List<LintIssue> lint(List<LintInput> scripts) { return s.lint(scripts); }
        @Override public String currentSchema() { return s.currentSchema(); }
        @Override public String databaseName() { return s.databaseName(); }
        @Override public SnapshotStore snapshots() { return s.snapshots(); }
        @Override public ForeignTable readForeignTable(String table) { return s.readForeignTable(table); }
        @Override public void close() { s.close(); }

        @Override
        public void run(Executable e, HistoryRecord started, HistoryRecord success) throws ExecutionFailure {
            s.run(e, started, success);
        }
    }
}
