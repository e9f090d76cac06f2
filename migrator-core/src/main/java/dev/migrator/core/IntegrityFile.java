package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.NameParts;
import dev.migrator.api.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The integrity file {@code migrator.sum} of a {@code filesystem:} location: one line per migration file (its path
 * under the location and its checksum, by the rule of the history: line endings and a byte-order mark do not count)
 * and a hash chained over all of them in version order. Committed beside the migrations, it turns the mistakes that
 * other tools find at deploy time into a failed pull-request check: a file added without running {@code hash}
 * (above all one whose version is below the newest, the mark of a badly merged branch), a file edited or removed,
 * two files with one version. A merge conflict in the file itself is the signal that two branches added migrations.
 *
 * <pre>
 * # migrator.sum: ...
 * chain v1:3f1a...
 * V1__Create_orders.sql v1:9c4e...
 * V2__Add_status.sql v1:77d0...
 * </pre>
 *
 * <p>Written by {@link #write}; checked by {@link #check} (the CLI's {@code validate --offline}) and, where the file
 * exists, by every {@code migrate()} before anything is written.
 */
public final class IntegrityFile {
    /** The file's name, in the location's directory. */
    public static final String FILE_NAME = "migrator.sum";
    private static final String CHAIN = "chain ";
    private static final String HEADER = """
            # migrator.sum: the checksum of every migration in this directory, and a hash chained over them in version
            # order. Written by `migrator hash`; do not edit it by hand. CI checks it with `migrator validate --offline`.
            # A merge conflict here means two branches added migrations: see docs/consistency.md.
            """;

    private IntegrityFile() {
    }

    /**
     * Writes (or rewrites) {@code migrator.sum} in a {@code filesystem:} location.
     *
     * @param location {@code filesystem:PATH}, or a plain directory path
     * @return the files listed, in version order
     * @throws ConfigurationException when the location is not a directory, or two files have one version
     */
    public static List<String> write(String location) {
        Path dir = directory(location);
        List<Entry> entries = scan(dir);
        List<String> duplicates = duplicates(entries, location);
        if (!duplicates.isEmpty()) {
            throw new ConfigurationException("Cannot write " + FILE_NAME + " in " + location, duplicates);
        }
        StringBuilder text = new StringBuilder(HEADER).append(CHAIN).append(chain(entries)).append('\n');
        for (Entry e : entries) {
            text.append(e.path()).append(' ').append(e.checksum()).append('\n');
        }
        try {
            Path tmp = Files.createTempFile(dir, ".migrator-sum", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write " + dir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
        return entries.stream().map(Entry::path).toList();
    }

    /**
     * Checks the files of a {@code filesystem:} location against its {@code migrator.sum}, with no database.
     *
     * @return one line per problem, each naming the file and what to do; empty when everything matches
     */
    public static List<String> check(String location) {
        Path dir = directory(location);
        Path sum = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(sum)) {
            return List.of(sum + " does not exist: run `migrator hash --locations " + location + "` and commit "
                    + FILE_NAME + " with the migrations");
        }
        return compare(location, sum, scan(dir));
    }

    /**
     * The {@code filesystem:} locations among {@code locations} that hold a {@code migrator.sum}; the others (and
     * every {@code classpath:} location) are not checked.
     */
    static List<String> withFile(List<String> locations) {
        List<String> out = new ArrayList<>();
        for (String l : locations) {
            if (l.startsWith(ResourceScanner.FILESYSTEM)
                    && Files.isRegularFile(Paths.get(l.substring(ResourceScanner.FILESYSTEM.length()), FILE_NAME))) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Checks every {@code filesystem:} location that holds a {@code migrator.sum}, before a run writes anything.
     *
     * @throws ValidationException naming each file that does not match
     */
    static void verifyBeforeRun(List<String> locations) {
        List<String> problems = new ArrayList<>();
        for (String l : withFile(locations)) {
            problems.addAll(check(l));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("The migrations do not match " + FILE_NAME + "; nothing was run", problems);
        }
    }

    private static List<String> compare(String location, Path sum, List<Entry> found) {
        List<String> problems = new ArrayList<>();
        Map<String, String> listed = new LinkedHashMap<>();
        String chain = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(sum, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(sum + " cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("<<<<<<<") || line.startsWith("=======") || line.startsWith(">>>>>>>")) {
                return List.of(sum + " holds a merge conflict (line " + (i + 1) + "): two branches added "
                        + "migrations. Keep the migrations of both sides, give the ones your branch added versions "
                        + "above the newest of the other branch, then run `migrator hash --locations " + location
                        + "` and commit the file it writes");
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (line.startsWith(CHAIN) && chain == null) {
                chain = line.substring(CHAIN.length()).strip();
            } else if (space < 1 || !line.substring(space + 1).startsWith(Checksums.V1)) {
                problems.add(sum + " line " + (i + 1) + " is not '<file> <checksum>': the file was edited by hand; "
                        + "run `migrator hash --locations " + location + "` again");
            } else {
                listed.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        problems.addAll(duplicates(found, location));
        String newest = newestListedVersion(listed.keySet());
        Map<String, Entry> present = new LinkedHashMap<>();
        found.forEach(e -> present.put(e.path(), e));
        for (Entry e : found) {
            String file = where(location, e.path());
            String recorded = listed.get(e.path());
            if (recorded == null) {
                boolean below = e.version() != null && newest != null
                        && e.version().compareTo(Version.parse(newest)) < 0;
                problems.add(below
                        ? file + " is not in " + FILE_NAME + ", and its version " + e.version() + " is below the "
                        + "newest listed (" + newest + "): a branch merged badly? A database already at " + newest
                        + " would refuse it as out of order. Rename it to a version above " + newest + ", then run "
                        + "`migrator hash --locations " + location + "`"
                        : file + " is not in " + FILE_NAME + ": it was added without running hash. Run `migrator hash "
                        + "--locations " + location + "` and commit " + FILE_NAME + " with it");
            } else if (!recorded.equals(e.checksum())) {
                problems.add(file + " was edited after " + FILE_NAME + " was written: a migration that may have been "
                        + "applied must not change. Undo the edit and put the change in a new migration; only if "
                        + "this one was never applied anywhere, run `migrator hash --locations " + location + "`");
            }
        }
        for (String path : listed.keySet()) {
            if (!present.containsKey(path)) {
                problems.add(where(location, path) + " is listed in " + FILE_NAME + " but was removed: restore it "
                        + "(databases that applied it still need it); only if it was never applied anywhere, run "
                        + "`migrator hash --locations " + location + "`");
            }
        }
        if (problems.isEmpty() && !chainOf(listed).equals(chain)) {
            problems.add(sum + " was edited by hand: its chain line does not match the lines below it. Check the "
                    + "migrations, then run `migrator hash --locations " + location + "`");
        }
        return problems;
    }

    private static String newestListedVersion(Iterable<String> paths) {
        Version newest = null;
        for (String p : paths) {
            Version v = versionOf(p.substring(p.lastIndexOf('/') + 1));
            if (v != null && (newest == null || v.compareTo(newest) > 0)) {
                newest = v;
            }
        }
        return newest == null ? null : newest.toString();
    }

    private static List<String> duplicates(List<Entry> entries, String location) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            Entry a = entries.get(i - 1);
            Entry b = entries.get(i);
            if (a.version() != null && a.version().equals(b.version()) && a.prefix().equals(b.prefix())) {
                problems.add(where(location, a.path()) + " and " + where(location, b.path()) + " both have version "
                        + a.version() + ": two branches each added one. Rename the one your branch added to a version "
                        + "above the newest, then run `migrator hash --locations " + location + "`");
            }
        }
        return problems;
    }

    private static String where(String location, String path) {
        String base = location.startsWith(ResourceScanner.FILESYSTEM)
                ? location.substring(ResourceScanner.FILESYSTEM.length()) : location;
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    /** One migration file: its path under the location ({@code /}-separated), version and checksum. */
    private record Entry(String path, String prefix, Version version, String checksum) {
        static final Comparator<Entry> ORDER = Comparator
                .comparing(Entry::version, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::prefix, Comparator.comparing(p -> p.startsWith("U") ? 1 : 0))
                .thenComparing(Entry::path);
    }

    private static List<Entry> scan(Path dir) {
        Checksums checksums = new Checksums();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                // A Flyway script configuration file (V1__x.sql.conf) changes how its script runs: listed too.
                if (name.startsWith(".") || !(lower.endsWith(".sql") || lower.endsWith(".json")
                        || lower.endsWith(".sql.conf"))) {
                    continue;
                }
                String path = dir.relativize(p).toString().replace('\\', '/');
                // A script's .conf file has the script's version: its own kind, so the two are not a duplicate.
                String prefix = (name.isEmpty() ? "" : name.substring(0, 1))
                        + (lower.endsWith(".sql.conf") ? ".conf" : "");
                entries.add(new Entry(path, prefix, versionOf(name), checksums.of(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the migrations in " + dir + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ConfigurationException("Cannot read the migrations in " + dir + ": " + e.getCause().getMessage(),
                    e);
        }
        entries.sort(Entry.ORDER);
        return entries;
    }

    /** The version of a V or U file name; null for a repeatable, or a file whose name is not a migration's. */
    private static Version versionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        try {
            NameParts name = NameParts.parse(dot < 0 ? fileName : fileName.substring(0, dot));
            return name.version() == null ? null : Version.parse(name.version());
        } catch (ConfigurationException e) {
            return null;
        }
    }

    private static String chain(List<Entry> entries) {
        Map<String, String> lines = new LinkedHashMap<>();
        entries.forEach(e -> lines.put(e.path(), e.checksum()));
        return chainOf(lines);
    }

    /** SHA-256 chained over each line in order: a line changed, added, removed or moved changes the result. */
    private static String chainOf(Map<String, String> lines) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] link = new byte[0];
        for (Map.Entry<String, String> line : lines.entrySet()) {
            digest.update(link);
            digest.update((line.getKey() + " " + line.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            link = digest.digest();
        }
        return Checksums.V1 + HexFormat.of().formatHex(link);
    }

    private static Path directory(String location) {
        if (location.startsWith(ResourceScanner.CLASSPATH)) {
            throw new ConfigurationException("'" + location + "': " + FILE_NAME + " lives in a filesystem: location "
                    + "(the directory the migrations are committed in); name it as filesystem:PATH");
        }
        Path dir = Paths.get(location.startsWith(ResourceScanner.FILESYSTEM)
                ? location.substring(ResourceScanner.FILESYSTEM.length()) : location);
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("location '" + location + "' is not a directory (" + dir.toAbsolutePath()
                    + "): check the path");
        }
        return dir;
    }
}
