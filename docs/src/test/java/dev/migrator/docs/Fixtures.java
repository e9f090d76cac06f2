package dev.migrator.docs;

import dev.migrator.testkit.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the docs tests share: fixture copies to edit, and plain JDBC to look at what a user would see. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Copies the files of the class-path directory {@code resource} into {@code dir}, so that a test can edit them.
     * The directory may be in a jar: failsafe puts this module's jar on the class path.
     */
    static void copy(String resource, Path dir) throws IOException {
        URL url = Fixtures.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + resource);
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (!uri.getScheme().equals("jar")) {
            copyFiles(Path.of(uri), dir);
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            copyFiles(jar.provider().getPath(uri), dir);
        }
    }

    private static void copyFiles(Path from, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, dir.resolve(f.getFileName().toString()));
                }
            }
        }
    }

    /** Runs one statement. */
    static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a query, each as its columns joined by a space. */
    static List<String> query(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
