package dev.migrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on. */
final class Machine {
    private Machine() {
    }

    /** Load average (1, 5, 15 minutes) from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String describe(Servers servers, List<DbKind> dbs, List<String> classPathFiles) {
        StringBuilder md = new StringBuilder();
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available to the JVM\n");
        md.append("- Memory: ").append(memTotal()).append('\n');
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append('\n');
        md.append("- Java (every child JVM, default options): ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        for (DbKind k : dbs) {
            String version;
            try {
                version = servers.version(k);
            } catch (SQLException | IOException e) {
                version = "unreachable (" + e.getMessage() + ")";
            }
            md.append("- ").append(k.id).append(": ").append(version).append('\n');
        }
        md.append("- Tools: ").append(String.join(", ", jarNames(classPathFiles))).append('\n');
        return md.toString();
    }

    private static List<String> jarNames(List<String> files) {
        return files.stream().map(f -> Path.of(f).getFileName().toString())
                .filter(f -> f.startsWith("migrator-core-") || f.startsWith("flyway-core-")
                        || f.startsWith("liquibase-core-") || f.startsWith("h2-") || f.startsWith("postgresql-")
                        || f.startsWith("mariadb-java-client-"))
                .map(f -> f.substring(0, f.length() - ".jar".length()))
                .toList();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown CPU";
        }
        return "unknown CPU";
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
