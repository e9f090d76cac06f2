package dev.migrator.mongo;

import dev.migrator.api.TargetException;
import dev.migrator.api.internal.Secrets;

/** Wraps a driver failure outside a migration (history, lock, snapshot) once, at the target boundary. */
final class MongoErrors {
    private MongoErrors() {
    }

    /** A {@link TargetException} with the message masked. */
    static TargetException failure(String message, Throwable cause) {
        return new TargetException(Secrets.mask(message), cause);
    }

    /** The driver's message, masked, for the end of a message of ours. */
    static String reason(Throwable e) {
        return Secrets.mask(String.valueOf(e.getMessage()));
    }
}
