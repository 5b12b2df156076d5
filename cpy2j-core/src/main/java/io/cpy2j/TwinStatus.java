package io.cpy2j;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One consistent snapshot of a twin, all read from the same connection: what health checks and
 * management endpoints show.
 *
 * @param twinId        the twin's id
 * @param state         where it is in its life
 * @param pid           the twin process's id while it runs, else {@code null}
 * @param javaVersion   its {@code java.version} ("25.0.3"), or the configured JDK's before the first start
 * @param javaVendor    its {@code java.vendor}, or the configured JDK's implementor
 * @param javaHome      the JDK it runs on
 * @param uptime        since its current process started; zero when not running
 * @param starts        how many times it was started, restarts included
 * @param restarts      how many times it was restarted after dying
 * @param callsInFlight calls from this master waiting for it right now
 * @param proxies       live proxies in this master for objects that live in the twin
 * @param exported      objects of this master the twin holds references to
 * @param lastFailure   how it last died or failed to start, the last call that timed out while it runs
 *                      (a wedged twin), or the kill a stop needed; {@code null} if none of these happened
 */
public record TwinStatus(String twinId, TwinState state, Long pid, String javaVersion, String javaVendor, Path javaHome,
                         Duration uptime, int starts, int restarts, int callsInFlight, int proxies, int exported,
                         TwinFailure lastFailure) {
}
