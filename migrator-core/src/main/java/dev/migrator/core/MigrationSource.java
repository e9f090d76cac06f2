package dev.migrator.core;

import dev.migrator.api.Migration;

/** Where one direction of a migration comes from: a script's text or a Java class. */
sealed interface MigrationSource {

    /** The file name or class name, as users see it in messages and history. */
    String name();

    /** A script file. {@code path} is where it was found, for messages; {@code text} as read (no placeholders). */
    record Script(String name, String path, String text) implements MigrationSource {
    }

    /** A Java migration; which of {@code up}/{@code down} runs is the caller's choice. */
    record Java(Migration<?> migration) implements MigrationSource {
        @Override
        public String name() {
            return migration.getClass().getName();
        }
    }
}
