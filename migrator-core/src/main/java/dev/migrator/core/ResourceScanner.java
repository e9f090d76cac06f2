package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the files under a {@code classpath:} or {@code filesystem:} location: in directories, in jars, and in jars
 * nested in a Spring Boot fat jar (whose class loader hands out {@link JarURLConnection}s too). The only place that
 * touches class-path URLs.
 */
final class ResourceScanner {
    static final String CLASSPATH = "classpath:";
    static final String FILESYSTEM = "filesystem:";

    /**
     * One file found.
     *
     * @param name   the file name
     * @param path   where it was found: class-path-relative for {@code classpath:}, absolute for {@code filesystem:}
     * @param source reads the content
     */
    record Resource(String name, String path, ContentSource source) {
        byte[] read() {
            try {
                return source.read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    /** Reads a resource's content. */
    @FunctionalInterface
    interface ContentSource {
        byte[] read() throws IOException;
    }

    private final ClassLoader classLoader;

    ResourceScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** The files under a location, sorted by path; {@code null} when the location does not exist. */
    List<Resource> scan(String location) {
        try {
            if (location.startsWith(FILESYSTEM)) {
                return scanDirectory(Paths.get(location.substring(FILESYSTEM.length())), null);
            }
            String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
            return scanClasspath(trimSlashes(path));
        } catch (IOException | URISyntaxException e) {
            throw new ConfigurationException("location '" + location + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private List<Resource> scanClasspath(String path) throws IOException, URISyntaxException {
        Enumeration<URL> roots = classLoader.getResources(path);
        if (!roots.hasMoreElements()) {
            return scanJarsWithoutDirectoryEntries(path);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Resource> out = new ArrayList<>();
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (!seen.add(root.toString())) {
                continue;
            }
            if (root.getProtocol().equals("file")) {
                out.addAll(scanDirectory(Paths.get(root.toURI()), path));
                continue;
            }
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                throw new ConfigurationException("classpath:" + path + " is at " + root + ", whose kind ("
                        + root.getProtocol() + ") cannot be listed: package the migrations in a jar or a directory, "
                        + "or use a filesystem: location");
            }
            out.addAll(scanJar(jar, path));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /**
     * A jar built without directory entries (some shading and build tools omit them) is invisible to
     * {@code getResources("db/migration")}; every jar has a manifest, so list the jars through theirs. Runs only when
     * the ordinary look-up found nothing.
     */
    private List<Resource> scanJarsWithoutDirectoryEntries(String path) throws IOException {
        List<Resource> out = new ArrayList<>();
        Enumeration<URL> manifests = classLoader.getResources("META-INF/MANIFEST.MF");
        Set<String> seen = new LinkedHashSet<>();
        while (manifests.hasMoreElements()) {
            URL manifest = manifests.nextElement();
            if (manifest.openConnection() instanceof JarURLConnection jar && seen.add(jar.getJarFileURL().toString())) {
                out.addAll(scanJar(jar, path, path.isEmpty() ? "" : path + "/"));
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private List<Resource> scanJar(JarURLConnection connection, String path) throws IOException {
        String prefix = path.isEmpty() ? "" : path + "/";
        String inner = connection.getEntryName() == null ? prefix : trimSlashes(connection.getEntryName()) + "/";
        return scanJar(connection, path, inner);
    }

    private List<Resource> scanJar(JarURLConnection connection, String path, String inner) throws IOException {
        connection.setUseCaches(false);
        String prefix = path.isEmpty() ? "" : path + "/";
        List<Resource> out = new ArrayList<>();
        URL jarUrl = connection.getJarFileURL();
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(inner)) {
                    continue;
                }
                String relative = prefix + entry.getName().substring(inner.length());
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                byte[] content;
                try (InputStream in = jar.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                out.add(new Resource(name, relative, () -> content));
            }
        } catch (IOException e) {
            throw new IOException("cannot list " + jarUrl + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Walks a directory with a visitor rather than a stream of paths: the visitor is handed each file's attributes,
     * so no file is looked at twice, and a no-op boot of thousands of scripts spends its time reading them, not here.
     */
    private static List<Resource> scanDirectory(Path dir, String classpathPrefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Resource> out = new ArrayList<>();
        String root = dir.toString();
        // Links are followed (a location, a folder or a script may be a symbolic link, as deployments often make
        // them); the walk itself detects a link back to a folder it is in, which is refused below.
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    throw new IOException(file + " is a symbolic link to a folder that contains it (a cycle): "
                            + "remove the link or point it elsewhere", e);
                }
                throw new IOException(file + " cannot be read (" + e + ")", e);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    // The walk hands over a link's own attributes only when its target cannot be reached.
                    throw new IOException(file + " is a symbolic link to " + Files.readSymbolicLink(file)
                            + ", which does not exist: fix or remove the link");
                }
                if (attrs.isRegularFile()) {
                    String path = file.toString();
                    if (classpathPrefix != null) {
                        String relative = path.substring(root.length() + 1).replace('\\', '/');
                        path = classpathPrefix.isEmpty() ? relative : classpathPrefix + "/" + relative;
                    }
                    out.add(new Resource(file.getFileName().toString(), path, () -> Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /**
     * Where a location points, as absolute paths or URLs, for a message that must say which folder was looked at
     * (a relative path resolves against the working directory, which is often not the one the user thinks).
     */
    String resolved(String location) {
        if (location.startsWith(FILESYSTEM)) {
            return Paths.get(location.substring(FILESYSTEM.length())).toAbsolutePath().normalize().toString();
        }
        String path = trimSlashes(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location);
        List<String> roots = new ArrayList<>();
        try {
            for (Enumeration<URL> urls = classLoader.getResources(path); urls.hasMoreElements(); ) {
                URL url = urls.nextElement();
                roots.add(url.getProtocol().equals("file") ? Paths.get(url.toURI()).toString() : url.toString());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "classpath:" + path;
        }
        return roots.isEmpty() ? "classpath:" + path : String.join(", ", roots);
    }

    /** Where a resource found under {@code location} is below it, with {@code /} separators ({@code sub/V1__x.sql}). */
    static String relativePath(String location, Resource r) {
        if (location.startsWith(FILESYSTEM)) {
            Path root = Paths.get(location.substring(FILESYSTEM.length()));
            return root.relativize(Paths.get(r.path())).toString().replace('\\', '/');
        }
        String prefix = trimSlashes(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location);
        return prefix.isEmpty() || !r.path().startsWith(prefix + "/") ? r.path() : r.path().substring(prefix.length() + 1);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
