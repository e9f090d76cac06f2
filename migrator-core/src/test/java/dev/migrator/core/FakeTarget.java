package dev.migrator.core;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.spi.TargetLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory database for engine tests: "statements" are lines appended to {@link #applied}; a statement
 * {@code FAIL} fails. Atomic unless told otherwise. Counts what the engine asks of it. Its lease runs out on the
 * session's clock, and lines {@code create NAME} / {@code drop NAME} make the tables its snapshot shows. Public, and
 * shipped in core's test jar, because migrator-it's contract suite runs against it too.
 */
public final class FakeTarget implements MigrationTarget {
    final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    final List<HistoryRecord> history = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger historyReads = new AtomicInteger();
    /** Calls of {@code HistoryStore.exists()}: a catalogue query on a real database. */
    final AtomicInteger historyLookups = new AtomicInteger();
    final AtomicInteger lockAcquisitions = new AtomicInteger();
    final AtomicInteger openSessions = new AtomicInteger();
    /** What the engine asked of a session, in order: {@code lint} and {@code prepare <script>}. */
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile RuntimeException connectFailure;
    volatile boolean historyExists;
    volatile boolean atomic = true;
    volatile boolean failAppends;
    volatile boolean loseLeaseOnRenew;
    /** Other tools' tables, by name, for adoption. */
    final java.util.Map<String, dev.migrator.api.spi.ForeignTable> foreignTables =
            new java.util.concurrent.ConcurrentHashMap<>();
    private String owner;
    private Instant expiry = Instant.MIN;

    /** An atomic fake with an empty history. */
    public FakeTarget() {
    }

    /** A fake whose scripts are atomic or not (where not, each one is announced by a STARTED row). */
    public FakeTarget(boolean atomic) {
        this.atomic = atomic;
    }

    /** Every statement applied so far, in order. */
    public List<String> applied() {
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }

    /** Applies a statement outside any migration, as an operator would by hand. */
    public void apply(String statement) {
        applied.add(statement);
    }

    @Override
    public TargetSession open(TargetSettings settings) {
        if (connectFailure != null) {
            throw connectFailure;
        }
        openSessions.incrementAndGet();
        return new Session(settings.clock());
    }

    @Override
    public String scriptSuffix() {
        return ".sql";
    }

    @Override
    public boolean accepts(Migration<?> migration) {
        return true;
    }

    @Override
    public String defaultLocation() {
        return "classpath:db/migration";
    }

    @Override
    public String toString() {
        return "fake";
    }

    private final class Session implements TargetSession {
        private final Clock clock;

        Session(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String describe() {
            return "fake database";
        }

        @Override
        public String user() {
            return "tester";
        }

        @Override
        public TargetLock lock() {
            return new LeaseLock() {
                @Override
                public boolean tryAcquire(String o, Duration lease) {
                    synchronized (FakeTarget.this) {
                        if (owner != null && clock.instant().isBefore(expiry)) {
                            return false;
                        }
                        owner = o;
                        expiry = clock.instant().plus(lease);
                        lockAcquisitions.incrementAndGet();
                        return true;
                    }
                }

                @Override
                public boolean renew(String o, Duration lease) {
                    synchronized (FakeTarget.this) {
                        if (loseLeaseOnRenew) {
                            owner = "thief";
                        }
                        if (o.equals(owner)) {
                            expiry = clock.instant().plus(lease);
                            return true;
                        }
                        return false;
                    }
                }

                @Override
                public void release(String o) {
                    synchronized (FakeTarget.this) {
                        if (o.equals(owner)) {
                            owner = null;
                        }
                    }
                }
            };
        }

        @Override
        public dev.migrator.api.spi.ForeignTable readForeignTable(String table) {
            return foreignTables.get(table);
        }

        @Override
        public HistoryStore history() {
            return new HistoryStore() {
                @Override
                public boolean exists() {
                    historyLookups.incrementAndGet();
                    return historyExists;
                }

                @Override
                public void create() {
                    historyExists = true;
                }

                @Override
                public List<HistoryRecord> read() {
                    historyReads.incrementAndGet();
                    synchronized (history) {
                        return List.copyOf(history);
                    }
                }

                @Override
                public void append(HistoryRecord record) {
                    if (failAppends) {
                        throw new IllegalStateException("history is read-only");
                    }
                    history.add(record);
                }
            };
        }

        @Override
        public List<dev.migrator.api.spi.LintIssue> lint(List<dev.migrator.api.spi.LintInput> scripts) {
            calls.add("lint");
            return List.of();
        }

        @Override
        public Executable prepareScript(String scriptName, String text) {
            calls.add("prepare " + scriptName);
            List<ScriptStatement> statements = new ArrayList<>();
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    statements.add(new ScriptStatement(lines[i].trim(), i + 1));
                }
            }
            boolean isAtomic = atomic;
            return new Executable() {
                @Override
                public boolean atomic() {
                    return isAtomic;
                }

                @Override
                public List<ScriptStatement> statements() {
                    return statements;
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public Executable prepareJava(Migration<?> migration, boolean undo) {
            return new JavaExecutable((Migration<List<String>>) migration, undo);
        }

        @Override
        public void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord)
                throws ExecutionFailure {
            if (startedRecord != null) {
                history().append(startedRecord);
            }
            int before = applied.size();
            if (executable instanceof JavaExecutable java) {
                try {
                    if (java.undo) {
                        java.migration.down(applied);
                    } else {
                        java.migration.up(applied);
                    }
                } catch (Exception e) {
                    throw new ExecutionFailure(e, -1, 0, null, !executable.atomic());
                }
            } else {
                List<ScriptStatement> statements = executable.statements();
                for (int i = 0; i < statements.size(); i++) {
                    ScriptStatement s = statements.get(i);
                    if (s.text().equals("FAIL")) {
                        if (executable.atomic()) {
                            applied.subList(before, applied.size()).clear();
                        }
                        throw new ExecutionFailure(new IllegalStateException("FAIL says no"), i, s.line(), s.text(),
                                !executable.atomic() && i > 0);
                    }
                    applied.add(s.text());
                }
            }
            history.add(successRecord);
        }

        @Override
        public SchemaModel snapshot() {
            Set<String> tables = new TreeSet<>();
            for (String line : applied()) {
                String[] words = line.split(" ");
                if (words[0].equals("create")) {
                    tables.add(words[1]);
                } else if (words[0].equals("drop")) {
                    tables.remove(words[1]);
                }
            }
            return new SchemaModel(tables.stream().map(t -> new SchemaModel.SchemaObject("table", t, Map.of()))
                    .toList());
        }

        @Override
        public void close() {
            openSessions.decrementAndGet();
        }
    }

    private record JavaExecutable(Migration<List<String>> migration, boolean undo) implements Executable {
        @Override
        public boolean atomic() {
            return true;
        }

        @Override
        public List<ScriptStatement> statements() {
            return List.of();
        }
    }
}
