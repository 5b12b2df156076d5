package io.cpy2j;

import java.time.Instant;

/**
 * How a twin last died or failed to start.
 *
 * @param time       when it was noticed
 * @param message    what happened, as the exception said it
 * @param exitStatus the process's exit status, {@code null} when unknown (it failed before or without exiting)
 */
public record TwinFailure(Instant time, String message, Integer exitStatus) {
}
