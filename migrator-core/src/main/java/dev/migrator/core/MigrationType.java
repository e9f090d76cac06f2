package dev.migrator.core;

/** What kind of migration an entry is. */
public enum MigrationType {
    /** A {@code .sql} script. */
    SQL,
    /** A {@code .json} script of MongoDB commands. */
    JSON,
    /** A Java class. */
    JAVA,
    /** A baseline marker written by {@code baseline(...)}. */
    BASELINE
}
