package dev.migrator.core;

/**
 * A file of another migration tool (an Alembic revision, a Django migration, a Knex or Sequelize migration) found
 * under the locations. migrator reads it to check the other tool's history against it; it never runs it.
 *
 * @param path where it was found (absolute for {@code filesystem:}, class-path-relative for {@code classpath:}), with
 *             {@code /} as separator; named in messages
 * @param text its content
 */
record ToolScript(String path, String text) {

    /** The file name, without the folders. */
    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The name of the folder holding the file, or "" at the top. */
    String folder() {
        int end = path.lastIndexOf('/');
        if (end < 0) {
            return "";
        }
        return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }

    /** The name of the folder holding the file's folder, or "". */
    String parentFolder() {
        int end = path.lastIndexOf('/');
        if (end < 0) {
            return "";
        }
        return new ToolScript(path.substring(0, end), "").folder();
    }
}
