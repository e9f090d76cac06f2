package dev.migrator.cli;

import dev.migrator.api.MigratorException;
import dev.migrator.api.internal.Secrets;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as the CLI prints it: masked, in command-line terms ({@link CliTerms}), and naming the exception's type
 * where the message alone is not ours.
 */
final class Messages {
    private Messages() {
    }

    /** The message, masked; prefixed with the type when it is not one of migrator's (whose messages stand alone). */
    static String of(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof MigratorException || failure instanceof UsageException) {
            return text(message);
        }
        String type = failure.getClass().getName();
        return message == null ? type : type + ": " + text(message);
    }

    /** Any library text the CLI prints (a message, a problem): masked and in command-line terms. */
    static String text(String message) {
        return CliTerms.of(Secrets.mask(message));
    }

    /** The stack trace, masked line by line: for failures that are not migrator's, which may be bugs. */
    static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return Secrets.mask(text.toString());
    }
}
