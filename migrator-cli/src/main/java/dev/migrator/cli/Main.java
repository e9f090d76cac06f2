package dev.migrator.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command line: {@code java -jar migrator-cli.jar <command> --url URL [options]}; {@code --help} lists the
 * commands and options, and {@code docs/ci-cd.md} shows it in pipelines.
 *
 * <p>Standard output carries the report only (with {@code --json}, exactly one JSON document, see
 * {@code docs/json-report.md}); logs go to standard error. The exit status is 0 when the command did what was asked,
 * 1 when a migration failed, 2 for bad usage or configuration, 3 when validation failed, 4 when another instance held
 * the migration lock for longer than {@code --lock-timeout}.
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
        // Installed before anything can log, so that every byte written to either stream passes the scrubber.
        RedactingOutputStream out = new RedactingOutputStream(new FileOutputStream(FileDescriptor.out));
        RedactingOutputStream err = new RedactingOutputStream(new FileOutputStream(FileDescriptor.err));
        // UTF-8 whatever the platform: JSON is UTF-8 (RFC 8259), and scripts hold names in every language.
        PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(stdout);
        System.setErr(stderr);
        int status = new Cli(System.getenv(), stdout, stderr, secret -> {
            out.addSecret(secret);
            err.addSecret(secret);
        }).run(args);
        // Closing lets out an unfinished last line; the streams are of no use after the exit anyway.
        stdout.close();
        stderr.close();
        System.exit(status);
    }
}
