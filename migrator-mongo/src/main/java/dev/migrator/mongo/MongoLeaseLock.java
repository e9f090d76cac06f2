package dev.migrator.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.migrator.api.LostLockException;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.internal.Secrets;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * MongoDB has no lock that dies with a connection, so instances share a lease: one document per history collection,
 * {@code {_id: <history collection>, owner, expiresAt}}, in the lock collection. Taking it inserts the document (the
 * {@code _id} index lets only one insert win) or takes over one whose lease ran out; the holder renews it while it
 * works, and deletes it when done.
 *
 * <p><b>Clocks.</b> {@code expiresAt} is written from the holder's clock and compared with the clock of the instance
 * that wants the lock. An instance whose clock runs ahead of the holder's by more than the lease can take over a live
 * lease; one whose clock lags waits that much longer for a dead holder's lease. Keep the hosts' clocks synchronised
 * (NTP) to well within the lease (30 s by default). The unique history rank still stops the two from recording the
 * same migration twice.
 *
 * <p>Thread-safe: {@link #renew} is called from the engine's heartbeat thread, so every operation goes through the
 * (thread-safe) client, never a {@code ClientSession}.
 */
final class MongoLeaseLock implements LeaseLock {
    private static final Logger LOG = LoggerFactory.getLogger(MongoLeaseLock.class);

    private final MongoCollection<Document> locks;
    private final String key;
    private final Clock clock;
    /** Who took the lock through this instance and has not released it, so that closing a session frees it. */
    private volatile String heldBy;

    MongoLeaseLock(MongoCollection<Document> locks, String key, Clock clock) {
        // Majority-acknowledged, so a lock taken on a primary that then fails over is not silently lost.
        this.locks = locks.withWriteConcern(WriteConcern.MAJORITY);
        this.key = key;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String owner, Duration lease) {
        Instant now = clock.instant();
        Date expiresAt = Date.from(now.plus(lease));
        try {
            try {
                locks.insertOne(new Document("_id", key).append("owner", owner).append("expiresAt", expiresAt));
                heldBy = owner;
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // Held, or left by a holder that died: only a lease that ran out may be taken over. The filter and the
            // update are one atomic step, so of two instances taking over, one matches and the other does not.
            Document previous = locks.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", key), Filters.lt("expiresAt", Date.from(now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", expiresAt)));
            if (previous == null) {
                return false;
            }
            LOG.warn("Took over the migration lock for {} from {}, whose lease ran out at {}: it stopped without "
                    + "releasing it", key, previous.get("owner"), previous.getDate("expiresAt").toInstant());
            heldBy = owner;
            return true;
        } catch (MongoException e) {
            throw failure("take", e);
        }
    }

    @Override
    public boolean renew(String owner, Duration lease) {
        try {
            return locks.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)),
                    Updates.set("expiresAt", Date.from(clock.instant().plus(lease)))).getMatchedCount() == 1;
        } catch (MongoException e) {
            throw failure("renew", e);
        }
    }

    @Override
    public void release(String owner) {
        try {
            locks.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)));
        } catch (RuntimeException e) {
            LOG.warn("Could not release the migration lock for {} ({}); it frees itself when its lease runs out", key,
                    Secrets.mask(String.valueOf(e.getMessage())));
        } finally {
            if (owner.equals(heldBy)) {
                heldBy = null;
            }
        }
    }

    /**
     * Fences a history write: touches the lock document only while it still names this owner, inside the migration's
     * transaction where there is one (a takeover then conflicts with the transaction, and one of the two aborts), just
     * before the write otherwise (a narrow window remains there: servers without transactions cannot close it).
     *
     * @throws LostLockException when the lease now belongs to another instance
     */
    void fence(ClientSession session) {
        String owner = heldBy;
        if (owner == null) {
            return;
        }
        var filter = Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner));
        var touch = Updates.set("fencedAt", Date.from(clock.instant()));
        long matched;
        try {
            matched = (session != null && session.hasActiveTransaction() ? locks.updateOne(session, filter, touch)
                    : locks.updateOne(filter, touch)).getMatchedCount();
        } catch (MongoException e) {
            throw failure("check", e);
        }
        if (matched == 0) {
            throw new LostLockException("The migration lock lease in " + locks.getNamespace().getFullName()
                    + " was taken over by another instance (this one stalled past its lease); the history document "
                    + "was not written. Run migrate again");
        }
    }

    /** Releases what this instance still holds, for a session closed without the engine releasing it. */
    void releaseHeld() {
        String owner = heldBy;
        if (owner != null) {
            release(owner);
        }
    }

    private dev.migrator.api.TargetException failure(String verb, MongoException e) {
        return MongoErrors.failure("Could not " + verb + " the migration lock in "
                + locks.getNamespace().getFullName() + ": " + MongoErrors.reason(e), e);
    }
}
