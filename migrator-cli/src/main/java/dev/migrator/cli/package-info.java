/**
 * The command line, {@code java -jar migrator-cli.jar}: the entry point is {@link dev.migrator.cli.Main}, the only
 * public type; everything else is package-private.
 *
 * <p>The flow of one run: {@code Arguments} (the command line as typed) → {@code SettingsReader} (flags over
 * environment over config file, checked, password read) → {@code DriverPath} and {@code Targets} (a JDBC or MongoDB
 * target) → {@code Commands} (one library call) → a {@code Report} on standard output, or a failure mapped by
 * {@code ErrorCode} (the one place that decides exit statuses). Standard output and standard error pass through
 * {@code RedactingOutputStream}, which scrubs the password.
 */
package dev.migrator.cli;
