package dev.migrator.spring;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;

import java.time.Duration;
import java.util.List;

/** Every {@link MigrationListener} bean, called in their order. */
final class CompositeListener implements MigrationListener {
    private final List<MigrationListener> listeners;

    CompositeListener(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void beforeMigration(MigrationEvent event) {
        listeners.forEach(l -> l.beforeMigration(event));
    }

    @Override
    public void afterMigration(MigrationEvent event) {
        listeners.forEach(l -> l.afterMigration(event));
    }

    @Override
    public void onFailure(MigrationEvent event, MigratorException error) {
        listeners.forEach(l -> l.onFailure(event, error));
    }

    @Override
    public void onLockWait(String target, Duration waited) {
        listeners.forEach(l -> l.onLockWait(target, waited));
    }

    @Override
    public void afterLockWait(String target, Duration waited) {
        listeners.forEach(l -> l.afterLockWait(target, waited));
    }

    @Override
    public void beforeRun(RunEvent event) {
        listeners.forEach(l -> l.beforeRun(event));
    }

    @Override
    public void afterRun(RunEvent event, MigratorException error) {
        listeners.forEach(l -> l.afterRun(event, error));
    }
}
