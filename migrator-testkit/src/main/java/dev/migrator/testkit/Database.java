package dev.migrator.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Asks {@link TestDatabases} for a fresh database of this kind as a test method parameter. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Database {
    /** The kind of database. */
    DatabaseKind value();
}
