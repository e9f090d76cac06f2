package dev.migrator.cli;

/**
 * The command line cannot be understood: an unknown command or option, a value missing or of the wrong form, an
 * option the command does not take. Exit status 2; the message says what to write instead.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The command the user asked for, when known, so that the error points at that command's help. */
    private final transient Command command;

    UsageException(String message, Command command) {
        super(message);
        this.command = command;
    }

    Command command() {
        return command;
    }
}
