package dev.migrator.it.contract;

import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each {@link ContractTest} once per target fixture, and checks after each what every target must keep true:
 * the history's ranks strictly increase and no row read during the test was rewritten; the lock is free again;
 * on a happy path nothing was logged above INFO.
 *
 * <p>One skip policy: a fixture that needs Docker is skipped, with the reason in the report, where Docker does not
 * run. Every other fixture always runs; PostgreSQL and MariaDB are never skipped (their fixture fails when the
 * server is missing, saying how to provide one).
 */
final class AllTargets implements TestTemplateInvocationContextProvider {
    /** Where slf4j-simple writes; it looks System.err up at each line, so a test can listen in. */
    private static final Pattern ABOVE_INFO = Pattern.compile("(?m)^\\[[^\\]]*\\] (WARN|ERROR) .*$");

    /** Every fixture, in the order they run: the fast ones first. */
    static final List<Kind> FIXTURES = List.of(
            new Kind("Memory", () -> new MemoryFixture(true), null),
            new Kind("MemoryNonAtomic", () -> new MemoryFixture(false), null),
            new Kind("H2", H2Fixture::new, null),
            new Kind("SqlServerOnH2", H2ModeFixture.SqlServerOnH2::new, null),
            new Kind("OracleOnH2", H2ModeFixture.OracleOnH2::new, null),
            new Kind("MongoInProcess", MongoFixture::inProcess, null),
            new Kind("PostgreSQL", PostgresFixture::new, null),
            new Kind("MariaDB", MariaDbFixture::new, null),
            new Kind("SqlServer", ContainerFixtures::sqlServer, AllTargets::docker),
            new Kind("Oracle", ContainerFixtures::oracle, AllTargets::docker),
            new Kind("MongoReplicaSet", ContainerFixtures::mongoReplicaSet, AllTargets::docker));

    /**
     * A fixture kind.
     *
     * @param unreachable why it cannot run here, or null when it can; null for a kind that always runs
     */
    record Kind(String name, Supplier<TargetFixture> create, Supplier<String> unreachable) {
    }

    private static String docker() {
        return DockerClientFactory.instance().isDockerAvailable() ? null
                : "Docker is not running here; this fixture runs its container where Docker is (see docs/testing.md)";
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(ContractTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return FIXTURES.stream().map(kind -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return kind.name();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Invocation(kind));
            }
        });
    }

    /** One test on one fixture: creates it, hands it over, checks the invariants and closes it. */
    private static final class Invocation implements ExecutionCondition, ParameterResolver, BeforeEachCallback,
            AfterEachCallback, TestExecutionExceptionHandler {
        private final Kind kind;
        private TargetFixture fixture;
        private PrintStream err;
        private final ByteArrayOutputStream log = new ByteArrayOutputStream();

        Invocation(Kind kind) {
            this.kind = kind;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = kind.unreachable() == null ? null : kind.unreachable().get();
            return reason == null ? ConditionEvaluationResult.enabled(kind.name() + " is reachable")
                    : ConditionEvaluationResult.disabled(kind.name() + " skipped: " + reason);
        }

        /** A fixture that always runs never skips either: an assumption that fails there fails the test. */
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            if (thrown instanceof TestAbortedException && kind.unreachable() == null) {
                throw new AssertionError(kind.name() + " always runs; a contract test may not skip it", thrown);
            }
            throw thrown;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return TargetFixture.class.isAssignableFrom(parameter.getParameter().getType());
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (fixture == null) {
                fixture = kind.create().get();
            }
            return fixture;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            err = System.err;
            System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            System.setErr(err);
            try (TargetFixture f = fixture) {
                if (f != null && context.getExecutionException().isEmpty()) {
                    checkHistory(f);
                    checkLockIsFree(f);
                    if (context.getRequiredTestMethod().getAnnotation(ContractTest.class).quiet()) {
                        assertThat(ABOVE_INFO.matcher(log.toString(StandardCharsets.UTF_8)).results()
                                .map(r -> r.group()).toList()).as("lines logged above INFO on a happy path")
                                .isEmpty();
                    }
                }
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }

        private static void checkHistory(TargetFixture f) {
            List<HistoryRecord> rows = f.historyRecords();
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).rank()).as("rank after %s", rows.get(i - 1)).isGreaterThan(rows.get(i - 1).rank());
            }
            for (Map.Entry<Integer, HistoryRecord> seen : f.target().seen().entrySet()) {
                assertThat(rows).as("history row %d as read during the test", seen.getKey())
                        .contains(seen.getValue());
            }
        }

        private static void checkLockIsFree(TargetFixture f) {
            try (TargetSession session = f.open()) {
                if (session.lock() instanceof LeaseLock lease) {
                    assertThat(lease.tryAcquire("invariant-check", Duration.ofSeconds(5))).as("lock free").isTrue();
                    lease.release("invariant-check");
                } else {
                    SessionLock lock = (SessionLock) session.lock();
                    assertThat(lock.tryAcquire()).as("lock free").isTrue();
                    lock.release();
                }
            }
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) {
            write(new byte[]{(byte) c}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) {
            try {
                a.write(bytes, off, len);
            } catch (java.io.IOException e) {
                // The console went away; the copy still counts.
            }
            b.write(bytes, off, len);
        }
    }
}
