package dev.migrator.core;

import java.time.Instant;

/**
 * One migration that another tool applied, as adoption records it.
 *
 * @param name        how the tool names it: an Alembic revision id, a Django {@code app.name}, a Knex or Sequelize
 *                    file name
 * @param description what it does, for {@code info()}
 * @param script      the file that holds it
 * @param installedOn when the tool applied it, where its history says (Django, Knex); else null
 */
record ToolMigration(String name, String description, String script, Instant installedOn) {
}
