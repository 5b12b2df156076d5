package io.cpy2j;

import java.time.Duration;

/**
 * A call did not get its answer within the twin's call timeout ({@code TwinMasterBuilder.callTimeout}).
 * The twin may still be running it; its reply, if it ever comes, is dropped. The connection stays up.
 */
public class TwinTimeoutException extends TwinException {

    private static final long serialVersionUID = 1L;

    private final String twinId;
    private final Duration timeout;

    public TwinTimeoutException(String twinId, String call, Duration timeout) {
        super(call + " on twin '" + twinId + "' did not answer within " + timeout + " (the twin's call timeout); "
                + "the twin may be busy, stuck or frozen: check its health, or raise callTimeout if the call is just slow");
        this.twinId = twinId;
        this.timeout = timeout;
    }

    public String twinId() {
        return twinId;
    }

    public Duration timeout() {
        return timeout;
    }
}
