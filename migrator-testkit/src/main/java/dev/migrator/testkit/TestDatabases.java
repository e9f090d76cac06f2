package dev.migrator.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.ArrayList;
import java.util.List;

/**
 * A JUnit 5 extension that hands tests fresh, empty databases and drops them after each test. Register it as a
 * field and create databases by kind, which suits tests run over several kinds:
 *
 * <pre>{@code
 * @RegisterExtension final TestDatabases databases = new TestDatabases();
 *
 * @ParameterizedTest @EnumSource(DatabaseKind.class)
 * void migrates(DatabaseKind kind) {
 *     TestDatabase db = databases.create(kind);
 *     Migrator.builder().target(JdbcTarget.of(db.dataSource())).build().migrate();
 * }
 * }</pre>
 *
 * or let it inject one: {@code void migrates(@Database(DatabaseKind.POSTGRESQL) TestDatabase db)} with
 * {@code @ExtendWith(TestDatabases.class)}. Where each kind's server comes from is said in {@link TestDatabase}.
 */
public final class TestDatabases implements AfterEachCallback, ParameterResolver {
    private final List<TestDatabase> open = new ArrayList<>();

    /** Creates an empty database of the given kind, dropped after the current test. */
    public TestDatabase create(DatabaseKind kind) {
        TestDatabase db = TestDatabase.create(kind);
        synchronized (open) {
            open.add(db);
        }
        return db;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<TestDatabase> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
            open.clear();
        }
        RuntimeException failure = null;
        for (TestDatabase db : toClose) {
            try {
                db.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class && parameter.isAnnotated(Database.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DatabaseKind kind = parameter.findAnnotation(Database.class).orElseThrow().value();
        return create(kind);
    }
}
