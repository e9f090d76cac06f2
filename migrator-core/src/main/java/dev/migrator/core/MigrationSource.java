package dev.migrator.core;

import dev.migrator.api.Migration;

/** Where one direction of a migration comes from: a script's text or a Java class. */
sealed interface MigrationSource {

    /** The file name or class name, as users see it in messages and history. */
    String name();

    /**
     * A script file. {@code path} is where it was found, for messages; {@code content} its bytes as read (UTF-8,
     * no placeholders replaced). Decoded only when it is about to run or be planned, not on a no-op boot.
     * {@code transaction} is what its Flyway sidecar ({@code V1__x.sql.conf}) says with {@code executeInTransaction},
     * or null.
     */
    record Script(String name, String path, byte[] content, Boolean transaction) implements MigrationSource {
        Script(String name, String path, byte[] content) {
            this(name, path, content, null);
        }

        /**
         * The text the target is given: a sidecar's {@code executeInTransaction} becomes the script's own
         * transaction directive, appended so that every line keeps its number in messages.
         */
        String withDirectives(String text) {
            return transaction == null ? text : text + "\n-- migrator:transaction=" + transaction + "\n";
        }

        String text() {
            String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    /** A Java migration; which of {@code up}/{@code down} runs is the caller's choice. */
    record Java(Migration<?> migration) implements MigrationSource {
        @Override
        public String name() {
            return migration.getClass().getName();
        }
    }
}
