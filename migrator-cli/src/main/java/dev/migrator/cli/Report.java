package dev.migrator.cli;

/**
 * What a command that succeeded prints on standard output: one of the two, by {@code --json}.
 *
 * @param json the one JSON document
 * @param text the text for a human
 */
record Report(String json, String text) {
}
