package dev.migrator.cli;

/**
 * A database password, read from an environment variable or a file. Its {@link #toString()} never shows it, so that
 * a record holding one can be printed or logged safely.
 */
final class Password {
    private final String value;

    Password(String value) {
        this.value = value;
    }

    /** The password itself: for the driver, and for scrubbing it from the output. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
