package io.cpy2j.boot.autoconfigure;

import org.springframework.context.SmartLifecycle;

/**
 * Ties the twins to the context's life, as Boot's Docker Compose support does for its services: the
 * eager twins are running before the web server starts taking requests, and are stopped after it has
 * shut down gracefully (lifecycles stop in the reverse order of their phases).
 */
final class TwinsLifecycle implements SmartLifecycle {

    /** Before the web server ({@code DEFAULT_PHASE - 2048}) and its graceful shutdown ({@code - 1024}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final TwinMasters masters;
    private volatile boolean running;

    TwinsLifecycle(TwinMasters masters) {
        this.masters = masters;
    }

    @Override
    public void start() {
        masters.awaitEager();
        running = true;
    }

    /** Releases the twins for good: a context that is stopped and started again gets no twins back. */
    @Override
    public void stop() {
        running = false;
        masters.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
