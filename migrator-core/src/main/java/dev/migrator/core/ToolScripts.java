package dev.migrator.core;

import dev.migrator.api.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the by-name tools (Alembic, Django, Knex, Sequelize) share: their files, and problems as a result. */
final class ToolScripts {
    private ToolScripts() {
    }

    /**
     * The files under the locations, each named by the location's path and its own below it
     * ({@code /srv/app/alembic/versions/ae10_add.py}), so that messages name a file a user can open and a Django
     * migration's app folder shows even when the location is the app's {@code migrations} folder itself.
     */
    static List<ToolScript> of(ForeignTool.AdoptionInput input) {
        List<ToolScript> out = new ArrayList<>();
        for (ForeignTool.LocalFile f : input.files()) {
            String root = f.location();
            if (root.startsWith(ResourceScanner.FILESYSTEM)) {
                root = root.substring(ResourceScanner.FILESYSTEM.length());
            } else if (root.startsWith(ResourceScanner.CLASSPATH)) {
                root = root.substring(ResourceScanner.CLASSPATH.length());
            }
            root = root.replace('\\', '/');
            while (root.endsWith("/")) {
                root = root.substring(0, root.length() - 1);
            }
            out.add(new ToolScript(root.isEmpty() ? f.relativePath() : root + "/" + f.relativePath(), f.text()));
        }
        return out;
    }

    /** Runs a check that reports disagreements as a {@link ValidationException}, as a {@link ForeignTool.ForeignHistory}. */
    static ForeignTool.ForeignHistory checked(Supplier<List<ForeignMigration>> check) {
        try {
            return new ForeignTool.ForeignHistory(check.get(), List.of());
        } catch (ValidationException e) {
            return new ForeignTool.ForeignHistory(List.of(), e.problems());
        }
    }
}
