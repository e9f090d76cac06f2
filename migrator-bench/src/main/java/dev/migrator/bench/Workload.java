package dev.migrator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The generated release: N versioned migrations, a mix of what real ones do (create a table, sometimes with seed
 * rows; add a column; create an index; insert a few rows), deterministic, in SQL that H2, PostgreSQL and MariaDB all
 * accept. Written once per database kind as {@code sql/V<n>__<what>.sql} (read by migrator, Flyway and the raw
 * floor) and as {@code liquibase/changelog.sql}, a Liquibase "formatted SQL" changelog with one changeset per
 * migration holding the very same statements.
 */
final class Workload {
    static final String CHANGELOG = "changelog.sql";

    private Workload() {
    }

    /** One generated migration. */
    record Step(int version, String description, List<String> statements) {
    }

    /** The release of {@code n} migrations. */
    static List<Step> steps(int n) {
        List<Table> tables = new ArrayList<>();
        List<Step> steps = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            int kind = i == 1 ? 1 : i % 10;
            switch (kind) {
                case 1, 4 -> steps.add(create(i, tables, false));
                case 7 -> steps.add(create(i, tables, true));
                case 2, 5, 8 -> steps.add(addColumn(i, tables.get(i % tables.size())));
                case 3, 9 -> steps.add(index(i, tables));
                default -> steps.add(insert(i, tables.get(i % tables.size()), 3));
            }
        }
        return steps;
    }

    /** Writes the release under {@code dir} (which is emptied first) and returns {@code dir}. */
    static Path write(Path dir, int n) {
        try {
            deleteTree(dir);
            Path sql = Files.createDirectories(sqlDir(dir));
            Path lb = Files.createDirectories(liquibaseDir(dir));
            StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
            for (Step s : steps(n)) {
                String body = String.join(";\n", s.statements()) + ";\n";
                Files.writeString(sql.resolve("V" + s.version() + "__" + s.description() + ".sql"), body,
                        StandardCharsets.UTF_8);
                changelog.append("\n--changeset bench:").append(s.version()).append('\n').append(body);
            }
            Files.writeString(lb.resolve(CHANGELOG), changelog, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workload to " + dir, e);
        }
    }

    static Path sqlDir(Path dir) {
        return dir.resolve("sql");
    }

    static Path liquibaseDir(Path dir) {
        return dir.resolve("liquibase");
    }

    /** The {@code V<n>__x.sql} files of a directory in version order. */
    static List<Path> versionedScripts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(Workload::versionOf))
                    .toList();
        }
    }

    /** The statements of a generated script: it holds no string or comment with a semicolon in it. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";\n")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int versionOf(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static Step create(int i, List<Table> tables, boolean seed) {
        Table t = new Table("t_" + i);
        tables.add(t);
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + t.name + " (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "amount DECIMAL(12,2), created_on DATE)");
        if (seed) {
            statements.add(insert(i, t, 2).statements().get(0));
        }
        return new Step(i, "create_" + t.name, statements);
    }

    private static Step addColumn(int i, Table t) {
        String column = "c_" + i;
        String type = switch (i % 3) {
            case 0 -> "VARCHAR(40)";
            case 1 -> "INT DEFAULT 0";
            default -> "DATE";
        };
        t.unindexed.add(column);
        return new Step(i, "add_" + column + "_to_" + t.name,
                List.of("ALTER TABLE " + t.name + " ADD COLUMN " + column + " " + type));
    }

    private static Step index(int i, List<Table> tables) {
        for (int k = 0; k < tables.size(); k++) {
            Table t = tables.get((i + k) % tables.size());
            if (!t.unindexed.isEmpty()) {
                String column = t.unindexed.remove(0);
                return new Step(i, "index_" + t.name + "_" + column,
                        List.of("CREATE INDEX ix_" + i + " ON " + t.name + " (" + column + ")"));
            }
        }
        return insert(i, tables.get(i % tables.size()), 3);
    }

    private static Step insert(int i, Table t, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + t.name + " (id, name, amount, created_on) VALUES ");
        for (int r = 0; r < rows; r++) {
            int id = ++t.lastId;
            sql.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d, 'row %d of %s', %d.%02d, DATE '2024-%02d-%02d')",
                    id, id, t.name, (i * 7 + id) % 10_000, id % 100, 1 + id % 12, 1 + id % 28));
        }
        return new Step(i, "insert_into_" + t.name, List.of(sql.toString()));
    }

    /** What the generator knows of a table it created: the mutable state of one generation run. */
    private static final class Table {
        final String name;
        final List<String> unindexed = new ArrayList<>(List.of("name", "amount", "created_on"));
        int lastId;

        Table(String name) {
            this.name = name;
        }
    }
}
