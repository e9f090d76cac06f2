package dev.migrator.bench;

/** The databases the benchmark runs on. */
enum DbKind {
    H2("h2", '"'),
    POSTGRESQL("postgresql", '"'),
    MARIADB("mariadb", '`');

    final String id;
    private final char quote;

    DbKind(String id, char quote) {
        this.id = id;
        this.quote = quote;
    }

    /** A quoted identifier: migrator and Flyway create their history tables with quoted lower-case names. */
    String q(String identifier) {
        return quote + identifier + quote;
    }

    static DbKind of(String id) {
        for (DbKind k : values()) {
            if (k.id.equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown database '" + id + "': use h2, postgresql or mariadb");
    }
}
