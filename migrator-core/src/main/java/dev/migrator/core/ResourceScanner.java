package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Lists a directory tree with {@link File#list()} and one {@link File#isFile()} per entry, rather than
     * {@code Files.walkFileTree}: every boot lists every script, and in a fresh JVM the walk's per-file
     * {@code Path} and attribute objects cost twice the listing itself (measured: 45 ms of CPU for 1,000
     * scripts, against 20 ms this way). Links are followed, as the walk did: a location, a folder or a script may be a
     * symbolic link, as deployments often make them; a link to a folder it is in (a cycle) and a link to nothing are
     * refused, naming the link.
     */
    private static List<Resource> scanDirectory(Path dir, String classpathPrefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Resource> out = new ArrayList<>();
        File root = dir.toFile();
        String rootPath = root.getPath();
        List<Object> folders = new ArrayList<>();
        folders.add(folderKey(dir));
        walk(root, rootPath, classpathPrefix, folders, out);
        return out;
    }

    /**
     * Adds the files under {@code folder}, in the order of their full paths; {@code folders} holds the keys of it and
     * the folders it is in. Each folder's entries are sorted by name, a subfolder's with the separator appended: that
     * is the order of full paths (every path below subfolder {@code x} starts {@code x/}), without comparing the
     * long common prefix of every path each time, which in a fresh JVM was the largest part of listing a location.
     */
    private static void walk(File folder, String root, String classpathPrefix, List<Object> folders,
                             List<Resource> out) throws IOException {
        String[] names = folder.list();
        if (names == null) {
            throw new IOException(folder + " cannot be read (it is not a folder any more, or access is denied)");
        }
        String[] keys = new String[names.length];
        int count = 0;
        for (String name : names) {
            File file = new File(folder, name);
            if (file.isFile()) {
                keys[count++] = name;
            } else if (file.isDirectory()) {
                keys[count++] = name + File.separatorChar;
            } else if (Files.isSymbolicLink(file.toPath())) {
                throw new IOException(file + " is a symbolic link to " + Files.readSymbolicLink(file.toPath())
                        + ", which does not exist: fix or remove the link");
            } // else a device, a pipe or a socket: not a script, as before
        }
        Arrays.sort(keys, 0, count);
        for (int i = 0; i < count; i++) {
            String key = keys[i];
            if (key.charAt(key.length() - 1) == File.separatorChar) {
                File sub = new File(folder, key.substring(0, key.length() - 1));
                Object id = folderKey(sub.toPath());
                if (id != null && folders.contains(id)) {
                    throw new IOException(sub + " is a symbolic link to a folder that contains it (a cycle): "
                            + "remove the link or point it elsewhere");
                }
                folders.add(id);
                walk(sub, root, classpathPrefix, folders, out);
                folders.remove(folders.size() - 1);
                continue;
            }
            File file = new File(folder, key);
            String path = file.getPath();
            if (classpathPrefix != null) {
                String relative = path.substring(root.length() + 1).replace('\\', '/');
                path = classpathPrefix.isEmpty() ? relative : classpathPrefix + "/" + relative;
            }
            out.add(new Resource(key, path, new FileContent(file)));
        }
    }

    /** What identifies a folder however it is reached (its device and inode), or null where the system has none. */
    private static Object folderKey(Path folder) throws IOException {
        return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
    }

    /** Reads a file when discovery asks; a class rather than a lambda per file. */
    private record FileContent(File file) implements ContentSource {
        @Override
        public byte[] read() throws IOException {
            try (java.io.FileInputStream in = new java.io.FileInputStream(file)) {
                return in.readAllBytes();
            }
        }
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
