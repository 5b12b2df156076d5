package io.cpy2j;

import java.time.Duration;

/**
 * Something that happened in a twin's life, as a {@link TwinListener} receives it. Each event carries
 * the twin's status just after it happened.
 */
public sealed interface TwinEvent {

    String twinId();

    TwinStatus status();

    /** The twin started and answered its handshake; group initializers have run. */
    record Started(String twinId, TwinStatus status) implements TwinEvent {
    }

    /** The twin was stopped by its owner ({@code stop()} or {@code close()}). */
    record Stopped(String twinId, TwinStatus status) implements TwinEvent {
    }

    /**
     * The twin died on its own.
     *
     * @param failure     when, why, and its exit status
     * @param willRestart whether the restart policy will start it again
     */
    record Terminated(String twinId, TwinStatus status, TwinFailure failure, boolean willRestart) implements TwinEvent {
    }

    /** A restart is about to be attempted after {@code delay}; {@code attempt} counts from 1. */
    record Restarting(String twinId, TwinStatus status, int attempt, Duration delay) implements TwinEvent {
    }

    /** The twin runs again after a restart; recreatable objects have been created anew. */
    record Restarted(String twinId, TwinStatus status, int attempt) implements TwinEvent {
    }

    /** A restart attempt failed to start the twin; {@code willRetry} says whether another will follow. */
    record RestartFailed(String twinId, TwinStatus status, int attempt, TwinFailure failure, boolean willRetry)
            implements TwinEvent {
    }
}
