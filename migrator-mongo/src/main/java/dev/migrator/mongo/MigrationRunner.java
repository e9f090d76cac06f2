package dev.migrator.mongo;

import com.mongodb.MongoException;
import com.mongodb.TransactionOptions;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import dev.migrator.api.LostLockException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.List;

/**
 * Runs one migration and records its success: in one transaction with the history document where the executable is
 * atomic, else command by command and then the document. A failure says which command failed and whether anything
 * stayed applied.
 */
final class MigrationRunner {
    private static final TransactionOptions TRANSACTION = TransactionOptions.builder()
            .writeConcern(WriteConcern.MAJORITY).build();

    private final MongoDatabase database;
    /** The session that holds transactions; {@code null} where the server has none. */
    private final ClientSession session;
    private final MongoHistory history;
    private final MongoLeaseLock lock;
    private Runnable guard = () -> { };

    MigrationRunner(MongoDatabase database, ClientSession session, MongoHistory history, MongoLeaseLock lock) {
        this.database = database;
        this.session = session;
        this.history = history;
        this.lock = lock;
    }

    /** The engine's check, run before each command and history write: it throws once the lease may be lost. */
    void guard(Runnable check) {
        this.guard = check;
    }

    void run(Executable executable, HistoryRecord started, HistoryRecord success) throws ExecutionFailure {
        long start = System.nanoTime();
        if (executable.atomic()) {
            runInTransaction(executable, success, start);
        } else {
            // MongoDB has no implicit commit to carry it: the STARTED document is written, with majority, first.
            guard.run();
            lock.fence(null);
            if (started != null) {
                history.append(started);
            }
            runDirectly(executable);
            if (success != null) {
                guard.run();
                lock.fence(null);
                history.append(stamped(success, start));
            }
        }
    }

    private void runInTransaction(Executable executable, HistoryRecord success, long start) throws ExecutionFailure {
        session.startTransaction(TRANSACTION);
        if (executable instanceof ScriptExecutable script) {
            List<Command> commands = script.commands();
            for (int i = 0; i < commands.size(); i++) {
                Command command = commands.get(i);
                try {
                    guard.run();
                    check(database.runCommand(session, command.document(), BsonDocument.class));
                } catch (LostLockException e) {
                    abort(e);
                    throw e;
                } catch (RuntimeException e) {
                    abort(e);
                    throw new ExecutionFailure(e, i, command.line(), command.json(), false);
                }
            }
        } else {
            try {
                ((JavaExecutable) executable).run(new MigrationContext(database, session));
            } catch (Exception e) {
                abort(e);
                throw new ExecutionFailure(e, -1, 0, null, false);
            }
        }
        try {
            guard.run();
            lock.fence(session);
            if (success != null) {
                history.append(session, stamped(success, start));
            }
        } catch (LostLockException e) {
            abort(e);
            throw e;
        } catch (RuntimeException e) {
            abort(e);
            throw new ExecutionFailure(e, -1, 0, null, false);
        }
        try {
            session.commitTransaction();
        } catch (RuntimeException e) {
            // After the driver's own retry, an unknown result may still have committed: say so rather than guess.
            boolean maybeCommitted = e instanceof MongoException m
                    && m.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL);
            throw new ExecutionFailure(e, -1, 0, null, maybeCommitted);
        }
    }

    private void runDirectly(Executable executable) throws ExecutionFailure {
        if (executable instanceof ScriptExecutable script) {
            List<Command> commands = script.commands();
            for (int i = 0; i < commands.size(); i++) {
                Command command = commands.get(i);
                guard.run();
                try {
                    check(database.runCommand(command.document(), BsonDocument.class));
                } catch (RuntimeException e) {
                    boolean partly = e instanceof WriteFailedException w && w.written > 0;
                    throw new ExecutionFailure(e, i, command.line(), command.json(), i > 0 || partly);
                }
            }
        } else {
            try {
                ((JavaExecutable) executable).run(new MigrationContext(database, null));
            } catch (Exception e) {
                // Java code may have written anything before it threw, and nothing can take it back.
                throw new ExecutionFailure(e, -1, 0, null, true);
            }
        }
    }

    /** Write commands report failed writes in an {@code ok: 1} reply, so {@code runCommand} does not throw. */
    private static void check(BsonDocument reply) {
        BsonValue errors = reply.get("writeErrors");
        BsonValue concern = reply.get("writeConcernError");
        if ((errors == null || errors.asArray().isEmpty()) && concern == null) {
            return;
        }
        BsonDocument first = errors != null && !errors.asArray().isEmpty() ? errors.asArray().get(0).asDocument()
                : concern.asDocument();
        int written = reply.containsKey("n") ? reply.getNumber("n").intValue() : 0;
        String message = (errors != null ? "write error " : "write concern error ")
                + (first.containsKey("code") ? first.get("code").asNumber().intValue() : "")
                + ": " + (first.containsKey("errmsg") ? first.getString("errmsg").getValue() : first.toJson())
                + " (" + written + " document" + (written == 1 ? "" : "s") + " written before it)";
        throw new WriteFailedException(message, written);
    }

    private void abort(Exception failure) {
        try {
            if (session.hasActiveTransaction()) {
                session.abortTransaction();
            }
        } catch (RuntimeException e) {
            // The server aborts an abandoned transaction by itself; the migration's own error is what matters.
            failure.addSuppressed(e);
        }
    }

    /** The success row stamped with when the migration finished and how long it took. */
    private static HistoryRecord stamped(HistoryRecord r, long startNanos) {
        return r.finished((System.nanoTime() - startNanos) / 1_000_000);
    }

    /** A write command whose reply reported failed writes; {@code written} of its documents went through. */
    static final class WriteFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int written;

        WriteFailedException(String message, int written) {
            super(message);
            this.written = written;
        }
    }
}
