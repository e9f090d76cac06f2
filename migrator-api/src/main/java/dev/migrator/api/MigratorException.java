package dev.migrator.api;

/**
 * The root of every exception migrator throws for a problem an operator or author fixes. Unchecked: a failed
 * migration at boot should stop the application, not be caught and forgotten.
 *
 * <p>Messages say what happened, where (migration, file, line) and what to do next. They never hold a password.
 */
public abstract class MigratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MigratorException(String message) {
        super(message);
    }

    protected MigratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
