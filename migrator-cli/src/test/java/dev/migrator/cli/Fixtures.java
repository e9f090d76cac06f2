package dev.migrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Working directories for CLI runs, holding a migration set from {@code src/test/resources/db/cli/<story>}. */
final class Fixtures {
    private Fixtures() {
    }

    /** Copies the migration set {@code story} into {@code dir/db/migration}, where the CLI looks by default. */
    static Path workspace(Path dir, String story) {
        copy(story, dir.resolve("db/migration"));
        return dir;
    }

    /** Copies the migration set {@code story} into {@code target}. */
    static void copy(String story, Path target) {
        Path source = resource("db/cli/" + story);
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.collect(Collectors.toList())) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource as a path (test resources are a directory in the build). */
    static Path resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An H2 database in a file under {@code dir}, as a separate process can open it once this one closed it. */
    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("h2/app");
    }
}
