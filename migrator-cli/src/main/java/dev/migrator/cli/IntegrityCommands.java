package dev.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.api.ValidationException;
import dev.migrator.core.IntegrityFile;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code hash} and {@code validate --offline}: the integrity file {@code migrator.sum} of each filesystem location,
 * written or checked with no database (see {@link IntegrityFile} and docs/consistency.md).
 */
final class IntegrityCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IntegrityCommands() {
    }

    /**
     * Runs {@code hash} or {@code validate --offline}.
     *
     * @throws ValidationException naming each file that does not match (exit status 3)
     */
    static Report run(Settings settings) {
        List<String> locations = locations(settings);
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", JsonDocuments.SCHEMA_VERSION);
        root.put("operation", settings.command() == Command.HASH ? "hash" : "validate");
        root.put("success", true);
        root.putNull("target");
        ArrayNode list = root.putArray("locations");
        StringBuilder text = new StringBuilder();
        if (settings.command() == Command.HASH) {
            for (String l : locations) {
                List<String> files = IntegrityFile.write(l);
                ObjectNode o = list.addObject();
                o.put("location", l);
                o.put("files", files.size());
                text.append("Wrote ").append(IntegrityFile.FILE_NAME).append(" in ").append(l).append(": ")
                        .append(files.size()).append(files.size() == 1 ? " migration" : " migrations")
                        .append(". Commit it with the migrations.\n");
            }
            return new Report(JsonDocuments.write(root), text.toString());
        }
        List<String> problems = new ArrayList<>();
        for (String l : locations) {
            problems.addAll(IntegrityFile.check(l));
            list.addObject().put("location", l);
            text.append(l).append(" matches its ").append(IntegrityFile.FILE_NAME).append(".\n");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("The migrations do not match " + IntegrityFile.FILE_NAME
                    + " (checked offline, with no database)", problems);
        }
        return new Report(JsonDocuments.write(root), text.toString());
    }

    /** The locations given, else the default; a path without a prefix is a directory here (there is no class path). */
    private static List<String> locations(Settings settings) {
        if (settings.locations().isEmpty()) {
            return List.of("filesystem:db/migration");
        }
        return settings.locations().stream().map(l -> l.startsWith("filesystem:") || l.startsWith("classpath:") ? l
                : "filesystem:" + l).toList();
    }
}
