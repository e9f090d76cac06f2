package dev.migrator.core;

/**
 * What an application on the module path must declare so that discovery reaches its Java migrations. Discovery
 * instantiates a {@code V3__Backfill} class by reflection, which the module system allows only when the class's module
 * opens (or exports) its package to migrator; without that, the JDK's own message names neither the fix nor the line
 * to add.
 */
final class ModuleAccess {
    private ModuleAccess() {
    }

    /**
     * How to let migrator reach {@code type}, when its module keeps the package closed to migrator; {@code null} when
     * the module system is not what stands in the way (the class path, or a package already exported or open).
     */
    static String openingHint(Class<?> type) {
        Module module = type.getModule();
        Module engine = ModuleAccess.class.getModule();
        String pkg = type.getPackageName();
        // Exported is enough for a public class with a public constructor; open implies exported.
        if (!module.isNamed() || module.isExported(pkg, engine)) {
            return null;
        }
        String to = engine.isNamed() ? " to " + engine.getName() : "";
        return type.getName() + " is in module " + module.getName() + ", which does not open package " + pkg
                + " to migrator: add 'opens " + pkg + to + ";' to that module's module-info.java";
    }
}
