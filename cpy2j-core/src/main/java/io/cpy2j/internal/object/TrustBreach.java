package io.cpy2j.internal.object;

import io.cpy2j.TwinSerializationException;

/** A restricted peer sent what it may not; thrown where the message is refused, after {@link Trust#breach}. */
public final class TrustBreach extends TwinSerializationException {

    private static final long serialVersionUID = 1L;

    TrustBreach(String reason) {
        super("refused from a restricted twin: " + reason);
    }
}
