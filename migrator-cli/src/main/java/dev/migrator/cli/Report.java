package dev.migrator.cli;

/**
 * What a command that succeeded prints on standard output: one of the two, by {@code --json}.
 *
 * @param json the one JSON document
 * @param text the text for a human
 * @param exitStatus the process exit status: {@link ErrorCode#SUCCESS}, or {@link ErrorCode#LINT_FINDINGS}
 */
record Report(String json, String text, int exitStatus) {
    Report(String json, String text) {
        this(json, text, ErrorCode.SUCCESS);
    }
}
