package dev.migrator.jdbc.internal.lint;

import java.util.Locale;

/**
 * The database the scripts are for, as far as the rules care: its kind and, when connected, its version.
 *
 * @param kind  which rules apply
 * @param major the major version, or 0 when unknown (offline)
 * @param minor the minor version
 * @param patch the patch version
 */
record LintServer(Kind kind, int major, int minor, int patch) {

    /** Which rule set applies. */
    enum Kind { POSTGRESQL, MYSQL, MARIADB, OTHER }

    /** Recognises a server from a JDBC product name and version string, such as {@code 10.11.6-MariaDB}. */
    static LintServer of(String productName, String productVersion, String dialectName) {
        String product = (productName + " " + productVersion).toLowerCase(Locale.ROOT);
        Kind kind = product.contains("mariadb") ? Kind.MARIADB
                : product.contains("mysql") ? Kind.MYSQL
                : product.contains("postgres") ? Kind.POSTGRESQL
                : of(dialectName).kind;
        int[] v = new int[3];
        String[] parts = productVersion == null ? new String[0] : productVersion.split("[^0-9]+");
        int k = 0;
        for (String p : parts) {
            if (!p.isEmpty() && k < 3) {
                v[k++] = Integer.parseInt(p.length() > 6 ? p.substring(0, 6) : p);
            }
        }
        // MariaDB drivers may report "5.5.5-10.11.6-MariaDB": the real version follows the compatibility prefix.
        if (kind == Kind.MARIADB && v[0] == 5 && v[1] == 5 && v[2] == 5 && parts.length >= 7) {
            return new LintServer(kind, Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
                    Integer.parseInt(parts[5]));
        }
        return new LintServer(kind, v[0], v[1], v[2]);
    }

    /** A server known only by the dialect's name ({@code postgresql}, {@code mysql}, ...), version unknown. */
    static LintServer of(String dialectName) {
        String d = dialectName == null ? "" : dialectName.toLowerCase(Locale.ROOT);
        Kind kind = d.contains("postgres") ? Kind.POSTGRESQL : d.contains("mariadb") ? Kind.MARIADB
                : d.contains("mysql") ? Kind.MYSQL : Kind.OTHER;
        return new LintServer(kind, 0, 0, 0);
    }

    boolean versionKnown() {
        return major > 0;
    }

    boolean mysqlFamily() {
        return kind == Kind.MYSQL || kind == Kind.MARIADB;
    }

    /** Whether the version is at least the one given; an unknown version counts as new enough. */
    boolean atLeast(int maj, int min, int pat) {
        if (!versionKnown()) {
            return true;
        }
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    /** The prefix of this server's rule ids: {@code PG}, {@code MYSQL} (MySQL and MariaDB alike) or {@code SQL}. */
    String rulePrefix() {
        return switch (kind) {
            case POSTGRESQL -> "PG";
            case MYSQL, MARIADB -> "MYSQL";
            case OTHER -> "SQL";
        };
    }

    /** Names the server in a message: {@code MariaDB 10.11.6}, or {@code MySQL (version unknown)}. */
    String label() {
        String name = switch (kind) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            case OTHER -> "the database";
        };
        return versionKnown() ? name + " " + major + "." + minor + "." + patch : name + " (version unknown)";
    }
}
