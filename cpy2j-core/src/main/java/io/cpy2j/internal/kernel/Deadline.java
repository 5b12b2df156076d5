package io.cpy2j.internal.kernel;

import java.time.Duration;
import java.util.function.Supplier;

/** When a call stops waiting for its reply, and what it then throws; {@link #NONE} waits as long as the channel lives. */
public final class Deadline {

    public static final Deadline NONE = new Deadline(0, 0, null);

    private final long atNanos;
    private final long timeoutNanos;
    private final Supplier<? extends RuntimeException> expired;

    private Deadline(long atNanos, long timeoutNanos, Supplier<? extends RuntimeException> expired) {
        this.atNanos = atNanos;
        this.timeoutNanos = timeoutNanos;
        this.expired = expired;
    }

    /** From now; {@code expired} makes the exception the call then fails with. A zero or negative timeout is none. */
    public static Deadline after(Duration timeout, Supplier<? extends RuntimeException> expired) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return NONE;
        }
        long nanos = timeout.toNanos();
        return new Deadline(System.nanoTime() + nanos, nanos, expired);
    }

    boolean isSet() {
        return expired != null;
    }

    /** The {@link System#nanoTime()} it passes at. */
    long atNanos() {
        return atNanos;
    }

    long remainingNanos() {
        return atNanos - System.nanoTime();
    }

    boolean hasPassed() {
        return isSet() && remainingNanos() <= 0;
    }

    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    RuntimeException expired() {
        return expired.get();
    }
}
