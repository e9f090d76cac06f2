package dev.migrator.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The command line: {@code java -jar migrator-cli.jar <command> --url URL [options]}; {@code --help} lists the
 * commands and options, and {@code docs/cli.md} and {@code docs/ci-cd.md} show it in use.
 *
 * <p>Standard output carries the report only (with {@code --json}, exactly one JSON document, see
 * {@code docs/json-report.md}); logs go to standard error. The exit status is 0 when the command did what was asked,
 * 1 when a migration failed (or the database failed under the run), 2 for bad usage or configuration, 3 when
 * validation failed, 4 when the migration lock could not be had in time or was lost, 5 lint findings.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs one command and exits with its status.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), new PrintStream(new FileOutputStream(FileDescriptor.out)),
                new PrintStream(new FileOutputStream(FileDescriptor.err)));
        System.exit(status);
    }

    /**
     * Runs one command and returns its exit status, for tests and embedding: everything printed, logs included, goes
     * to {@code out} and {@code err} through the secret scrubber. {@link System#out} and {@link System#err} point to
     * the scrubbed streams while it runs (slf4j-simple logs to {@code System.err}), and are restored after.
     *
     * @param args the command and its options
     * @param env  the environment variables
     * @param out  standard output: the report, and nothing else
     * @param err  standard error: messages and logs
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        // Before any logger exists: the log format and level follow --json, --log-format and --quiet.
        LogSetup.configure(args, env);
        RedactingOutputStream scrubbedOut = new RedactingOutputStream(out);
        RedactingOutputStream scrubbedErr = new RedactingOutputStream(err);
        // Known before parsing, so that a command line that fails to parse is scrubbed too.
        for (String secret : CliSecrets.of(args, env)) {
            scrubbedOut.addSecret(secret);
            scrubbedErr.addSecret(secret);
        }
        // UTF-8 whatever the platform: JSON is UTF-8 (RFC 8259), and scripts hold names in every language.
        PrintStream stdout = new PrintStream(scrubbedOut, false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(scrubbedErr, true, StandardCharsets.UTF_8);
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(stdout);
        System.setErr(stderr);
        try {
            return new Cli(env, stdout, stderr, secret -> {
                scrubbedOut.addSecret(secret);
                scrubbedErr.addSecret(secret);
            }).run(args);
        } finally {
            stdout.flush();
            stderr.flush();
            try {
                scrubbedOut.finish();
                scrubbedErr.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                System.setOut(systemOut);
                System.setErr(systemErr);
            }
        }
    }
}
