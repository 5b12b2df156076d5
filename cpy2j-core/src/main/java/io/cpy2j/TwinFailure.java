package io.cpy2j;

import java.time.Instant;

/**
 * How a twin last died or failed to start, the last call of a running twin that got no answer within
 * the call timeout (its exit status {@code null}), or a kill that stopping it needed because it did not
 * exit within the shutdown timeout.
 *
 * @param time       when it was noticed
 * @param message    what happened, as the exception said it
 * @param exitStatus the process's exit status, {@code null} when unknown (it failed before or without exiting)
 */
public record TwinFailure(Instant time, String message, Integer exitStatus) {
}
