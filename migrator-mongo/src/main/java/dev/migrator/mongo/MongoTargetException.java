package dev.migrator.mongo;

import dev.migrator.api.MigratorException;
import dev.migrator.api.spi.Secrets;

/** A MongoDB operation the engine needs (connect, history, lock, snapshot) failed. The message is masked. */
final class MongoTargetException extends MigratorException {
    private static final long serialVersionUID = 1L;

    MongoTargetException(String message, Throwable cause) {
        super(Secrets.mask(message), cause);
    }

    /** The driver's message, masked, for the end of a message of ours. */
    static String reason(Throwable e) {
        return Secrets.mask(String.valueOf(e.getMessage()));
    }
}
