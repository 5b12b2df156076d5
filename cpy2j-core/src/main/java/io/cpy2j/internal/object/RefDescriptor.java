package io.cpy2j.internal.object;

/**
 * A reference as it crosses the wire. {@code ownedByReceiver}: the object lives in the receiver (a
 * proxy going home), which gets its original back; otherwise it lives in the sender, and the
 * receiver gets its one proxy for {@code id}.
 */
public record RefDescriptor(boolean ownedByReceiver, long id, TypeDescriptor type) {
}
