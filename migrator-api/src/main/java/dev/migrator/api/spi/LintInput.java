package dev.migrator.api.spi;

import java.util.Objects;

/**
 * One pending migration script handed to a target's linter, in the order the migrations would run.
 *
 * @param script the file name, as findings name it
 * @param text   the script text with placeholders replaced
 */
public record LintInput(String script, String text) {
    public LintInput {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(text, "text");
    }
}
