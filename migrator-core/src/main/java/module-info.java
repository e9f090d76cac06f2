/**
 * The engine: {@link dev.migrator.core.Migrator} and its results. An application that scans {@code classpath:}
 * locations on the module path opens its migration packages (see docs/jpms.md).
 */
module dev.migrator.core {
    requires transitive dev.migrator.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.migrator.core;
}
