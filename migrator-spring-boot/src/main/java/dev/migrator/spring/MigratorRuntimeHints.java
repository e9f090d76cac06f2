package dev.migrator.spring;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Native-image hints: the scripts under the default location (and every {@code migrator.sum}) as resources, and the
 * Java migrations found there as classes that discovery instantiates by reflection. Java migrations that are Spring
 * beans need none: the container creates them.
 */
final class MigratorRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern("db/migration/*.sql")
                .registerPattern("db/migration/**/*.sql")
                .registerPattern("db/migration/*.json")
                .registerPattern("db/migration/**/*.json")
                .registerPattern("db/migration/**/migrator.sum");
        for (String name : javaMigrations(classLoader)) {
            hints.reflection().registerType(TypeReference.of(name), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                    MemberCategory.INVOKE_PUBLIC_METHODS);
        }
    }

    /** The classes named {@code V<version>__..} or {@code R__..} in the {@code db.migration} package tree. */
    static java.util.List<String> javaMigrations(ClassLoader classLoader) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try {
            org.springframework.core.io.support.PathMatchingResourcePatternResolver resolver =
                    new org.springframework.core.io.support.PathMatchingResourcePatternResolver(classLoader);
            for (org.springframework.core.io.Resource r : resolver.getResources("classpath*:db/migration/**/*.class")) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf("db/migration/");
                String path = url.substring(at, url.length() - ".class".length());
                String simple = path.substring(path.lastIndexOf('/') + 1);
                if (simple.matches("(V[0-9][0-9._]*|R)__[^$]+")) {
                    names.add(path.replace('/', '.'));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot list the Java migrations under db/migration", e);
        }
        return names;
    }
}
