package dev.migrator.micrometer;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One scenario, run once: two instances migrate one H2 database at once (one waits for the other's lock), then a
 * run fails on another. Timers, gauges and spans are read from a Prometheus registry and OpenTelemetry's in-memory
 * exporter, and the dashboard's and alert rules' PromQL is checked against what was exported.
 */
class MigratorObservationsTest {
    private static final PrometheusMeterRegistry PROMETHEUS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static SdkTracerProvider tracerProvider;
    private static String scrape;
    private static MigratorException failure;

    @BeforeAll
    static void runTheScenario() throws Exception {
        tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build();
        OtelCurrentTraceContext context = new OtelCurrentTraceContext();
        OtelTracer tracer = new OtelTracer(tracerProvider.get("test"), context, event -> { },
                new OtelBaggageManager(context, List.of(), List.of()));
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(PROMETHEUS))
                .observationHandler(new DefaultTracingObservationHandler(tracer));
        MigratorObservations listener = MigratorObservations.of(observations, PROMETHEUS);

        String url = "jdbc:h2:mem:metrics;DB_CLOSE_DELAY=-1";
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MigrationListener holding = new Both(listener, new MigrationListener() {
            @Override
            public void beforeMigration(MigrationEvent event) {
                firstHoldsTheLock.countDown();
                await(release);
            }
        });
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> migrator(url, "classpath:db/metrics", holding)
                .migrate());
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> migrator(url, "classpath:db/metrics",
                listener).migrate());
        Thread.sleep(400);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        Migrator broken = migrator("jdbc:h2:mem:metrics-broken;DB_CLOSE_DELAY=-1", "classpath:db/metrics-broken",
                listener);
        try {
            broken.migrate();
        } catch (MigratorException e) {
            failure = e;
        }
        scrape = PROMETHEUS.scrape();
        tracerProvider.forceFlush();
    }

    @AfterAll
    static void close() {
        tracerProvider.close();
    }

    private static Migrator migrator(String url, String location, MigrationListener listener) {
        return Migrator.builder().target(JdbcTarget.of(url, "sa", "")).locations(location).listener(listener)
                .lockTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @Test
    void migrations_areTimedByActionAndOutcome() {
        assertThat(scrape).containsPattern("migrator_migration_seconds_count\\{[^}]*action=\"APPLY\"[^}]*outcome="
                + "\"SUCCESS\"[^}]*type=\"SQL\"[^}]*version=\"2\"[^}]*} 1");
        assertThat(failure).isInstanceOf(MigrationFailedException.class);
        assertThat(scrape).containsPattern("migrator_migration_seconds_count\\{[^}]*outcome=\"(FAILED|REVERTED)\""
                + "[^}]*version=\"2\"[^}]*} 1");
    }

    @Test
    void runs_areTimedByOutcome_andTheGaugesFollowTheLastRun() {
        assertThat(scrape).containsPattern("migrator_run_seconds_count\\{[^}]*outcome=\"SUCCESS\"[^}]*} 2");
        assertThat(scrape).containsPattern("migrator_run_seconds_count\\{[^}]*outcome=\"FAILED\"[^}]*} 1");
        assertThat(scrape).containsPattern("migrator_version\\{target=\"H2 [^\"]*jdbc:h2:mem:metrics \\(user SA\\)"
                + "\",version=\"2\"} 1");
        assertThat(scrape).containsPattern("migrator_pending\\{target=\"[^\"]*metrics \\(user SA\\)\"} 0");
        assertThat(scrape).containsPattern("migrator_pending\\{target=\"[^\"]*metrics-broken[^\"]*\"} 1");
    }

    @Test
    void aLockWait_isTimed() {
        assertThat(scrape).containsPattern("migrator_lock_wait_seconds_count\\{[^}]*} 1");
        assertThat(scrape).containsPattern("migrator_lock_wait_active_seconds_max\\{");
    }

    @Test
    void spans_nestMigrationsUnderTheirRun_withDatabaseAttributes() {
        List<SpanData> spans = SPANS.getFinishedSpanItems();
        SpanData apply = spans.stream().filter(s -> s.getName().equals("APPLY V2__Add_email.sql")).findFirst()
                .orElseThrow(() -> new AssertionError("no span for V2 in " + spans));
        SpanData run = spans.stream().filter(s -> s.getSpanId().equals(apply.getParentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("V2's span has no parent among " + spans));
        assertThat(run.getName()).isEqualTo("migrator migrate");
        assertThat(apply.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("h2");
        assertThat(apply.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("SUCCESS");
        assertThat(spans).anySatisfy(s -> assertThat(s.getName()).isEqualTo("migrator lock wait"));
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertRules_isExported() throws IOException {
        Path docs = Paths.get(System.getProperty("migrator.docs.dir", "../docs")).resolve("observability");
        Set<String> named = new TreeSet<>();
        for (String file : List.of("migrator-dashboard.json", "migrator-alerts.yml")) {
            Matcher m = Pattern.compile("\\bmigrator_[a-z_]+").matcher(Files.readString(docs.resolve(file)));
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertThat(named).contains("migrator_migration_seconds_count", "migrator_pending", "migrator_version",
                "migrator_lock_wait_active_seconds_max");
        Set<String> exported = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(migrator_[a-z_]+)[{ ]").matcher(scrape);
        while (m.find()) {
            exported.add(m.group(1));
        }
        assertThat(exported).as("metrics exported; the docs name %s", named).containsAll(named);
    }

    @Test
    void theAlertRules_passPromtool_whereItIsInstalled() throws Exception {
        Path rules = Paths.get(System.getProperty("migrator.docs.dir", "../docs"))
                .resolve("observability/migrator-alerts.yml");
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Paths::get)
                .filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(promtool != null, () -> {
            System.err.println("SKIPPED: promtool is not installed (Debian package prometheus; .ci/run installs it), "
                    + "so " + rules + " was not checked by promtool");
            return "promtool is not installed";
        });
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", rules.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Two listeners, the first called first. */
    private record Both(MigrationListener a, MigrationListener b) implements MigrationListener {
        @Override
        public void beforeRun(RunEvent event) {
            a.beforeRun(event);
            b.beforeRun(event);
        }

        @Override
        public void afterRun(RunEvent event, MigratorException error) {
            a.afterRun(event, error);
            b.afterRun(event, error);
        }

        @Override
        public void beforeMigration(MigrationEvent event) {
            a.beforeMigration(event);
            b.beforeMigration(event);
        }

        @Override
        public void afterMigration(MigrationEvent event) {
            a.afterMigration(event);
            b.afterMigration(event);
        }

        @Override
        public void onFailure(MigrationEvent event, MigratorException error) {
            a.onFailure(event, error);
            b.onFailure(event, error);
        }
    }
}
