/**
 * What migration authors and target writers use: {@link dev.migrator.api.Migration}, the exceptions, and the target
 * SPI in {@code dev.migrator.api.spi}. No dependencies beyond {@code java.base}.
 */
@SuppressWarnings("module") // the modules below are built after this one, so javac cannot see them yet
module dev.migrator.api {
    exports dev.migrator.api;
    exports dev.migrator.api.spi;
    // Helpers that migrator's own modules share; never a user's concern. The CLI is an automatic module, named by
    // its Automatic-Module-Name, so it is listed too.
    exports dev.migrator.api.internal to dev.migrator.core, dev.migrator.jdbc, dev.migrator.mongo, dev.migrator.cli,
            dev.migrator.micrometer;
}
