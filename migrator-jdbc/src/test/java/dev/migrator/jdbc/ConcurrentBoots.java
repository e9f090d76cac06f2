package dev.migrator.jdbc;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Instances of an application booting at the same moment, each with its own Migrator, on real threads. */
final class ConcurrentBoots {
    private ConcurrentBoots() {
    }

    /** Starts {@code instances} migrate() calls together and returns their results; fails after {@code seconds}. */
    static List<MigrateResult> migrate(int instances, Supplier<Migrator> migrators, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MigrateResult>> futures = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Migrator migrator = migrators.get();
                futures.add(pool.submit(() -> {
                    start.await();
                    return migrator.migrate();
                }));
            }
            start.countDown();
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> f : futures) {
                results.add(f.get(seconds, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
