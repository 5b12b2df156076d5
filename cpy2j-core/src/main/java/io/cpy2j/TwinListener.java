package io.cpy2j;

/**
 * Receives a twin's life events ({@link TwinEvent}): started, stopped, terminated, restarting,
 * restarted, restart failed. Called in order, on a thread of the master's own (never a thread that
 * reads the channel or a caller's); an exception it throws is logged and does not affect the twin.
 */
@FunctionalInterface
public interface TwinListener {

    void onEvent(TwinEvent event);
}
