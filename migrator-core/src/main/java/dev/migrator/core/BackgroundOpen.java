package dev.migrator.core;

import dev.migrator.api.spi.TargetSession;

import java.util.function.Supplier;

/**
 * Opens the target's session on a daemon thread of its own while the caller discovers the migrations (see
 * {@code MigrationEngine.start}). A plain thread rather than {@code CompletableFuture}, whose first use in a JVM loads
 * and initialises the fork-join machinery (some 20 classes) for the one task of a boot.
 */
final class BackgroundOpen implements Runnable {
    private final Supplier<TargetSession> open;
    private final Thread thread;
    private TargetSession session;
    private Throwable failure;
    private boolean abandoned;

    BackgroundOpen(String threadName, Supplier<TargetSession> open) {
        this.open = open;
        this.thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        TargetSession opened = null;
        Throwable failed = null;
        try {
            opened = open.get();
        } catch (Throwable t) {
            failed = t;
        }
        boolean close;
        synchronized (this) {
            session = opened;
            failure = failed;
            close = abandoned;
        }
        if (close && opened != null) {
            opened.close();
        }
    }

    /**
     * The open session, once connecting ended; a failure to connect is rethrown as it was (a non-runtime one as
     * {@link IllegalStateException}). Waits through interrupts, as connecting itself cannot be cut short, and keeps
     * the thread's interrupt status.
     */
    TargetSession await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw new IllegalStateException("connecting failed", failure);
            }
            return session;
        }
    }

    /** The caller gave up (discovery refused the input): the session is closed now, or as soon as it is open. */
    void abandon() {
        TargetSession open;
        synchronized (this) {
            abandoned = true;
            open = session;
            session = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
