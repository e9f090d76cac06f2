package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.ForeignTable;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Adoption: takes over another tool's history as {@code ADOPT} rows of migrator's own, after the tool
 * ({@link ForeignTool}) checked it against the files. The other tool's table is read, never written; undoing an
 * adoption writes UNDO rows and runs nothing.
 */
final class Adoption {
    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

    private final ForeignTool tool;
    private final String table;
    private final MigratorConfig config;
    private String tableFound;

    Adoption(ForeignTool tool, String table, MigratorConfig config) {
        this.tool = tool;
        this.table = table == null ? tool.defaultTable() : table;
        this.config = config;
    }

    /**
     * Reads the tool's table and checks it against the files. Writes nothing and takes no lock.
     *
     * @param required whether a missing table is an error; else null is returned for it
     * @throws ConfigurationException when the table is required and missing
     * @throws ValidationException    listing every disagreement between the table and the files
     */
    ForeignTool.ForeignHistory read(TargetSession session, List<ResolvedMigration> resolved, boolean required) {
        ForeignTable found = session.readForeignTable(table);
        if (found == null) {
            if (required) {
                throw new ConfigurationException("Cannot adopt the " + tool.name() + " history of "
                        + session.describe() + ": it has no table named " + table + " in the schema migrator uses. "
                        + "Name the table (adopt(\"" + tool.name() + "\", \"schema.table\"), --from-table), or "
                        + "check the URL and schema");
            }
            return null;
        }
        tableFound = found.name();
        ForeignTool.ForeignHistory history = tool.read(found, new ForeignTool.AdoptionInput(resolved, files()));
        if (!history.problems().isEmpty()) {
            throw new ValidationException("Cannot adopt the " + tool.name() + " history in " + found.name() + " of "
                    + session.describe() + ": it disagrees with the files in " + config.locations() + " ("
                    + history.problems().size() + " problem" + (history.problems().size() == 1 ? "" : "s")
                    + "); nothing was written", history.problems());
        }
        return history;
    }

    /** Writes, in one transaction, an ADOPT row for each migration of {@code foreign} not adopted or applied yet. */
    AdoptResult write(RunContext run, TargetSession session, HistoryState state,
                      ForeignTool.ForeignHistory foreign) {
        List<HistoryRecord> rows = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        Version after = state.currentVersion();
        for (ForeignMigration m : foreign.applied()) {
            HistoryState.Entry e = m.version() != null ? state.get(m.version()) : state.getRepeatable(m.description());
            if (m.isBaseline() ? state.baseline() != null : e != null && (e.isApplied() || e.isFailed())) {
                continue;
            }
            String note = Secrets.shorten(Secrets.mask("adopted from " + tool.name() + " (" + tableFound
                    + (m.detail() == null ? "" : ", " + m.detail()) + ")"), 2_000);
            rows.add(run.record(m.version() == null ? null : m.version().toString(), m.description(), m.type(),
                    m.script(), m.checksum(), Action.ADOPT, Outcome.SUCCESS,
                    m.installedOn() != null ? m.installedOn() : config.clock().instant(), 0, null).withNote(note));
            if (!m.isBaseline()) {
                adopted.add(m.name());
            }
            if (m.version() != null && (after == null || m.version().compareTo(after) > 0)) {
                after = m.version();
            }
        }
        session.history().appendAll(rows);
        if (rows.isEmpty()) {
            LOG.info("The {} history in {} of {} is adopted already; nothing was written", tool.name(), tableFound,
                    session.describe());
        } else {
            LOG.info("Adopted {} migration{} from the {} history in {} of {}; now at version {}", adopted.size(),
                    adopted.size() == 1 ? "" : "s", tool.name(), tableFound, session.describe(),
                    after == null ? "<none>" : after);
        }
        return new AdoptResult(tool.name(), tableFound, adopted, after == null ? null : after.toString(),
                session.describe());
    }

    /**
     * Undoes an adoption: an UNDO row for every migration it took over, in one transaction, newest first. Nothing
     * runs: the schema and the other tool's table stay as they are, and the migrations are as before the adoption.
     */
    static List<AppliedMigration> undo(RunContext run, TargetSession session, List<HistoryState.Entry> adopted,
                                       Clock clock) {
        if (adopted.isEmpty()) {
            return List.of();
        }
        List<HistoryRecord> rows = new ArrayList<>();
        List<AppliedMigration> undone = new ArrayList<>();
        for (int i = adopted.size() - 1; i >= 0; i--) {
            HistoryState.Entry e = adopted.get(i);
            HistoryRecord a = e.applied;
            rows.add(run.record(a.version(), a.description(), a.type(), a.script(), e.checksum, Action.UNDO,
                    Outcome.SUCCESS, clock.instant(), 0, null).withNote("adoption undone: nothing was run"));
            if (!e.isBaseline()) {
                undone.add(new AppliedMigration(a.version(), a.description(), MigrationPlanner.typeOf(a), a.script(),
                        Duration.ZERO));
            }
        }
        session.history().appendAll(rows);
        LOG.info("Undid the adoption of {} migrations on {}: history rows only, nothing was run", undone.size(),
                session.describe());
        return undone;
    }

    /** Every file under the locations, for tools whose scripts migrator does not run itself. */
    private List<ForeignTool.LocalFile> files() {
        ResourceScanner scanner = new ResourceScanner(config.classLoader());
        List<ForeignTool.LocalFile> files = new ArrayList<>();
        for (String location : config.locations()) {
            List<ResourceScanner.Resource> found = scanner.scan(location);
            if (found == null) {
                continue;
            }
            for (ResourceScanner.Resource r : found) {
                if (!r.name().endsWith(".class")) {
                    files.add(new ForeignTool.LocalFile(location, ResourceScanner.relativePath(location, r), r.read()));
                }
            }
        }
        return files;
    }
}
