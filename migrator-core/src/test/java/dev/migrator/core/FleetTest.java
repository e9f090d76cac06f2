package dev.migrator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fleets of in-memory targets: stages, stop rules, the parallelism bound, skips and resumption. */
@Timeout(60)
class FleetTest {
    @TempDir
    Path dir;

    /** The fake databases by name, in order. */
    private final Map<String, FakeTarget> databases = new LinkedHashMap<>();

    @BeforeEach
    void scripts() throws Exception {
        Files.writeString(dir.resolve("V1__Create.sql"), "create ${tenant}");
        Files.writeString(dir.resolve("V2__Fill.sql"), "${fill}");
    }

    /** Targets t1..tN; those named in {@code failing} fail their V2. */
    private List<FleetTarget> targets(int count, String... failing) {
        List<FleetTarget> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "t" + i;
            FakeTarget db = databases.computeIfAbsent(name, n -> new FakeTarget());
            boolean fails = List.of(failing).contains(name);
            list.add(FleetTarget.of(name, db).placeholders(Map.of("tenant", name, "fill", fails ? "FAIL" : "fill " + name)));
        }
        return list;
    }

    private Fleet.Builder fleet(List<FleetTarget> targets) {
        return Fleet.builder().template(Migrator.builder().locations("filesystem:" + dir)).targets(targets);
    }

    private static List<FleetOutcome> outcomes(FleetResult result) {
        return result.targets().stream().map(FleetTargetResult::outcome).toList();
    }

    /** The history as "version outcome" rows. */
    private List<String> versions(String name) {
        return databases.get(name).history.stream().map(r -> r.version() + " " + r.outcome()).toList();
    }

    @Test
    void migrate_runsEveryTarget_eachWithItsOwnPlaceholdersAndHistory() {
        FleetResult result = fleet(targets(3)).parallelism(2).build().migrate();

        assertThat(outcomes(result)).containsOnly(FleetOutcome.SUCCEEDED);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.targets()).extracting(FleetTargetResult::name).containsExactly("t1", "t2", "t3");
        assertThat(result.targets()).allSatisfy(t -> {
            assertThat(t.versionBefore()).isNull();
            assertThat(t.versionAfter()).isEqualTo("2");
            assertThat(t.applied()).extracting(AppliedMigration::version).containsExactly("1", "2");
            assertThat(t.report()).isInstanceOf(MigrateResult.class);
            assertThat(t.error()).isNull();
        });
        assertThat(databases.get("t2").applied).containsExactly("create t2", "fill t2");
        assertThat(versions("t3")).containsExactly("1 SUCCESS", "2 SUCCESS");
        assertThat(result.summary()).startsWith("migrate: 3 targets, 3 succeeded, 0 failed, 0 skipped in ");
    }

    @Test
    void stop_isTheDefault_andSkipsEveryTargetNotStarted() {
        FleetResult result = fleet(targets(5, "t2")).build().migrate();

        assertThat(outcomes(result)).containsExactly(FleetOutcome.SUCCEEDED, FleetOutcome.FAILED,
                FleetOutcome.SKIPPED, FleetOutcome.SKIPPED, FleetOutcome.SKIPPED);
        assertThat(result.targets().get(1).error()).hasMessageContaining("V2__Fill.sql");
        assertThat(databases.get("t4").history).isEmpty();
        assertThat(databases.get("t4").openSessions.get()).isZero();
        assertThat(databases.get("t4").historyReads.get()).isZero();
        assertThat(result.targets().get(3).duration()).isEqualTo(Duration.ZERO);
        assertThat(result.summary()).contains("5 targets, 1 succeeded, 1 failed, 3 skipped");
    }

    @Test
    void maxFailures_stopsStartingTargetsOnceThatManyFailed() {
        FleetResult result = fleet(targets(6, "t2", "t4")).onError(FleetErrorPolicy.maxFailures(2)).build().migrate();

        assertThat(outcomes(result)).containsExactly(FleetOutcome.SUCCEEDED, FleetOutcome.FAILED,
                FleetOutcome.SUCCEEDED, FleetOutcome.FAILED, FleetOutcome.SKIPPED, FleetOutcome.SKIPPED);
        assertThat(FleetErrorPolicy.maxFailures(1)).isEqualTo(FleetErrorPolicy.stop());
        assertThat(FleetErrorPolicy.maxFailures(3)).hasToString("max=3");
    }

    @Test
    void continueAll_runsEveryTarget_whateverFails() {
        FleetResult result = fleet(targets(4, "t1", "t3")).onError(FleetErrorPolicy.continueAll()).build().migrate();

        assertThat(outcomes(result)).containsExactly(FleetOutcome.FAILED, FleetOutcome.SUCCEEDED,
                FleetOutcome.FAILED, FleetOutcome.SUCCEEDED);
        assertThat(result.succeeded()).isFalse();
        assertThat(versions("t4")).containsExactly("1 SUCCESS", "2 SUCCESS");
    }

    @Test
    void aFailingCanary_stopsTheRest_whateverThePolicy() {
        FleetResult result = fleet(targets(4, "t3")).canary("t3").parallelism(4)
                .onError(FleetErrorPolicy.continueAll()).build().migrate();

        assertThat(outcomes(result)).containsExactly(FleetOutcome.SKIPPED, FleetOutcome.SKIPPED,
                FleetOutcome.FAILED, FleetOutcome.SKIPPED);
        assertThat(databases.get("t1").history).isEmpty();
    }

    @RepeatedTest(5)
    void canariesRunFirst_thenEachGroupInTurn() {
        List<FleetTarget> targets = new ArrayList<>();
        List<FleetTarget> plain = targets(6);
        for (int i = 0; i < plain.size(); i++) {
            targets.add(plain.get(i).group(i % 2 == 0 ? "even" : "odd"));
        }
        List<String> ended = Collections.synchronizedList(new ArrayList<>());

        FleetResult result = fleet(targets).canary("t6").parallelism(3).onResult(r -> ended.add(r.name()))
                .build().migrate();

        assertThat(result.succeeded()).isTrue();
        assertThat(ended.get(0)).isEqualTo("t6");
        // t1 is in group "even", which first appears before "odd": all of it ends before "odd" starts.
        assertThat(ended.subList(1, 4)).containsExactlyInAnyOrder("t1", "t3", "t5");
        assertThat(ended.subList(4, 6)).containsExactlyInAnyOrder("t2", "t4");
        assertThat(result.targets()).extracting(FleetTargetResult::group)
                .containsExactly("even", "odd", "even", "odd", "even", "odd");
    }

    @RepeatedTest(3)
    void parallelism_runsThatManyTargetsAtOnce_andNeverMore() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // Only three targets running together get past the barrier: fewer would time out, more would show in most.
        CyclicBarrier three = new CyclicBarrier(3);
        Migration<List<String>> meet = new Migration<>() {
            @Override
            public void up(List<String> db) throws Exception {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    three.await(20, TimeUnit.SECONDS);
                } finally {
                    running.decrementAndGet();
                }
            }

            @Override
            public String version() {
                return "3";
            }

            @Override
            public String description() {
                return "meet";
            }
        };
        Fleet fleet = Fleet.builder().template(Migrator.builder().locations("filesystem:" + dir).migrations(meet))
                .targets(targets(6)).parallelism(3).build();

        FleetResult result = fleet.migrate();

        assertThat(outcomes(result)).containsOnly(FleetOutcome.SUCCEEDED);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void runningAgain_resumesAHalfFinishedRollout_withEveryHistoryExact() {
        fleet(targets(4, "t3")).build().migrate();
        assertThat(versions("t2")).containsExactly("1 SUCCESS", "2 SUCCESS");
        assertThat(versions("t3")).containsExactly("1 SUCCESS", "2 REVERTED");
        assertThat(versions("t4")).isEmpty();

        // The failing tenant is fixed; the same fleet runs again.
        FleetResult again = fleet(targets(4)).build().migrate();

        assertThat(outcomes(again)).containsOnly(FleetOutcome.SUCCEEDED);
        FleetTargetResult t1 = again.targets().get(0);
        assertThat(t1.applied()).isEmpty();
        assertThat(t1.versionBefore()).isEqualTo("2");
        assertThat(t1.versionAfter()).isEqualTo("2");
        // Up to date: one history read, no lock.
        assertThat(databases.get("t1").lockAcquisitions.get()).isEqualTo(1);
        assertThat(again.targets().get(2).applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(again.targets().get(3).applied()).extracting(AppliedMigration::version).containsExactly("1", "2");
        assertThat(versions("t3")).containsExactly("1 SUCCESS", "2 REVERTED", "2 SUCCESS");
        for (String name : List.of("t1", "t2", "t4")) {
            assertThat(versions(name)).as(name).containsExactly("1 SUCCESS", "2 SUCCESS");
        }
        for (String name : List.of("t1", "t2", "t3", "t4")) {
            assertThat(databases.get(name).applied).as(name).containsExactly("create " + name, "fill " + name);
        }
    }

    @Test
    void aTargetOverItsTimeout_failsAndIsInterrupted() {
        AtomicInteger interrupted = new AtomicInteger();
        Migration<List<String>> slow = new Migration<>() {
            @Override
            public void up(List<String> db) throws Exception {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
            }

            @Override
            public String version() {
                return "3";
            }

            @Override
            public String description() {
                return "slow";
            }
        };
        Fleet fleet = Fleet.builder().template(Migrator.builder().locations("filesystem:" + dir).migrations(slow))
                .targets(targets(2)).targetTimeout(Duration.ofMillis(300)).build();

        FleetResult result = fleet.migrate();

        assertThat(outcomes(result)).containsExactly(FleetOutcome.FAILED, FleetOutcome.SKIPPED);
        assertThat(result.targets().get(0).error()).hasMessageContaining("t1 did not finish within PT0.3S");
    }

    @Test
    void info_andValidate_reportEachTarget() {
        fleet(targets(2)).build().migrate();
        List<FleetTarget> three = targets(3);

        FleetResult info = fleet(three).build().info();
        FleetResult validate = fleet(three).onError(FleetErrorPolicy.continueAll()).build().validate();

        assertThat(info.targets()).extracting(FleetTargetResult::versionAfter).containsExactly("2", "2", null);
        assertThat(info.targets().get(2).report()).asList().hasSize(2);
        assertThat(outcomes(validate)).containsOnly(FleetOutcome.SUCCEEDED);
        assertThat(validate.operation()).isEqualTo("validate");
    }

    @Test
    void build_namesEveryBadSetting_beforeAnythingRuns() {
        List<FleetTarget> twice = new ArrayList<>(targets(2));
        twice.add(FleetTarget.of("t1", new FakeTarget()));
        twice.add(FleetTarget.of("t9", new FakeTarget()).schema("not a schema"));

        assertThatThrownBy(() -> fleet(twice).parallelism(0).canary("nobody").build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "parallelism: 0 must be at least 1",
                        "targets: the name 't1' is given twice; each target needs its own",
                        "target t9: schema: 'not a schema' is not a plain identifier (letters, digits, _; at most 63 "
                                + "characters)",
                        "canary: 'nobody' is not the name of a target"));
        assertThatThrownBy(() -> FleetErrorPolicy.maxFailures(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 1");
        assertThat(databases.get("t1").openSessions.get()).isZero();
    }

    @Test
    void toJson_holdsTheSummaryAndEveryTarget() throws Exception {
        FleetResult result = fleet(targets(3, "t2")).build().migrate();

        JsonNode json = new ObjectMapper().readTree(result.toJson());

        assertThat(json.get("operation").asText()).isEqualTo("migrate");
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("summary").toString())
                .matches("\\{\"targets\":3,\"succeeded\":1,\"failed\":1,\"skipped\":1,\"durationMs\":\\d+}");
        JsonNode t2 = json.get("targets").get(1);
        assertThat(t2.get("name").asText()).isEqualTo("t2");
        assertThat(t2.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(t2.get("error").get("type").asText()).isEqualTo("MigrationFailedException");
        assertThat(json.get("targets").get(0).get("migrations")).hasSize(2);
    }
}
