package dev.migrator.api.spi;

/**
 * One statement of a script.
 *
 * @param text the statement without its terminator
 * @param line the 1-based line of the script where it starts
 */
public record ScriptStatement(String text, int line) {
}
