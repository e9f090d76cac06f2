package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.util.List;

/**
 * Another migration tool whose history {@link Migrator#adopt(String)} takes over: it reads the tool's table, checks
 * it against the local files, and says what the tool applied.
 *
 * <h2>How a tool plugs in</h2>
 * <ol>
 * <li>Write a package-private {@code final class FooTool implements ForeignTool} in this package and add one
 * instance to {@link ForeignTools#ALL}. {@link #name()} is what users pass ({@code adopt("foo")},
 * {@code adopt --from foo}); {@link #defaultTable()} the table read unless another is named.</li>
 * <li>{@link #read} gets the tool's table (already found by name, ignoring case, and read through the target: it is
 * never null here) and {@link AdoptionInput}: the migrations discovery found in the locations, and every file under
 * the locations with its path relative to the location, for tools whose scripts migrator does not run (Alembic's
 * {@code versions/*.py}, Knex's {@code migrations/*.js}).</li>
 * <li>It returns a {@link ForeignHistory}: what the tool applied, in the order it applied it, and the problems that
 * refuse the adoption (one line each, naming the version or file and what to do). Any problem refuses the whole
 * adoption and nothing is written, so report every problem, not the first.</li>
 * <li>Each applied migration is one {@link ForeignMigration}: {@link ForeignMigration#matched} for one that a local
 * migrator migration now stands for (Flyway's {@code V2__x.sql}, a Liquibase changeset), checked first against the
 * tool's own checksum where it has one; {@link ForeignMigration#named} for a tool that records migrations by name
 * only (an Alembic revision id, Django's {@code app.0001_initial}, a Knex or Sequelize file name): recorded by that
 * name, listed by {@code info()} as ADOPTED, never run by migrator; {@link ForeignMigration#baseline} for the tool's
 * own baseline marker.</li>
 * </ol>
 * The engine does the rest, the same for every tool: it takes the lock, skips what is already adopted (a second
 * adoption writes nothing), writes one {@code ADOPT} history row per migration in one transaction, and undoes the
 * whole adoption as one rollback step. A tool never writes, and never touches the other tool's table.
 */
interface ForeignTool {

    /** The name users pass: {@code flyway}, {@code liquibase}, ... */
    String name();

    /** The history table the tool keeps by default ({@code flyway_schema_history}, ...). */
    String defaultTable();

    /** What the tool applied, checked against the local files. Reads only; never throws for a disagreement. */
    ForeignHistory read(ForeignTable table, AdoptionInput input);

    /**
     * What a tool is given to check its history against.
     *
     * @param migrations what discovery found (versioned by version, then repeatables), as {@code migrate()} would
     *                   run them
     * @param files      every file under the locations, in path order
     */
    record AdoptionInput(List<ResolvedMigration> migrations, List<LocalFile> files) {
        public AdoptionInput {
            migrations = List.copyOf(migrations);
            files = List.copyOf(files);
        }
    }

    /**
     * One file under a location.
     *
     * @param location     the location it was found under, as configured
     * @param relativePath its path below the location, with {@code /} separators ({@code versions/ae10_add.py})
     * @param content      its bytes
     */
    record LocalFile(String location, String relativePath, byte[] content) {
        /** The file name without directories. */
        String name() {
            return relativePath.substring(relativePath.lastIndexOf('/') + 1);
        }

        /** The content as UTF-8 text, without a byte-order mark. */
        String text() {
            String t = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            return t.startsWith("\uFEFF") ? t.substring(1) : t;
        }
    }

    /**
     * What a tool's table says, checked.
     *
     * @param applied  the applied migrations, in the order the tool applied them (its baseline first)
     * @param problems why the adoption is refused, one line each; empty when it may go ahead
     */
    record ForeignHistory(List<ForeignMigration> applied, List<String> problems) {
        public ForeignHistory {
            applied = List.copyOf(applied);
            problems = List.copyOf(problems);
        }
    }
}
