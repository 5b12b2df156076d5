package io.cpy2j;

import java.time.Duration;
import java.util.Objects;

/**
 * What a master does when its twin dies on its own (killed, crashed, out of memory): nothing, or
 * start it again after a backoff that doubles with each attempt, up to a number of restarts.
 * A twin stopped with {@code stop()} is never restarted.
 */
public final class RestartPolicy {

    /** The longest a backoff grows to, however many attempts were made. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private static final RestartPolicy NEVER = new RestartPolicy(0, Duration.ZERO);

    private final int maxRestarts;
    private final Duration backoff;

    private RestartPolicy(int maxRestarts, Duration backoff) {
        this.maxRestarts = maxRestarts;
        this.backoff = backoff;
    }

    /** The default: a dead twin stays dead until {@code start()} is called. */
    public static RestartPolicy never() {
        return NEVER;
    }

    /**
     * Restarts a twin that died, at most {@code maxRestarts} times in the master's life, waiting
     * {@code backoff} before the first attempt and twice as long before each next one (up to a minute).
     */
    public static RestartPolicy onFailure(int maxRestarts, Duration backoff) {
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("maxRestarts must be at least 1, was " + maxRestarts
                    + "; use RestartPolicy.never() for no restarts");
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("the restart backoff must not be negative, was " + backoff);
        }
        return new RestartPolicy(maxRestarts, backoff);
    }

    public int maxRestarts() {
        return maxRestarts;
    }

    public Duration backoff() {
        return backoff;
    }

    /** Whether a twin that was restarted {@code restartsSoFar} times may be restarted again. */
    public boolean allowsAnother(int restartsSoFar) {
        return restartsSoFar < maxRestarts;
    }

    /** How long to wait before restart attempt {@code attempt} (1 for the first). */
    public Duration delayBefore(int attempt) {
        Duration delay = backoff;
        for (int i = 1; i < attempt && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RestartPolicy p && p.maxRestarts == maxRestarts && p.backoff.equals(backoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRestarts, backoff);
    }

    @Override
    public String toString() {
        return maxRestarts == 0 ? "never" : "onFailure(maxRestarts=" + maxRestarts + ", backoff=" + backoff + ")";
    }
}
