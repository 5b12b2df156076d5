package io.cpy2j.jdk25;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Gatherers;
import java.util.stream.IntStream;

/**
 * cpy2py's {@code prime_sieve} example: marks the primes below a limit and lays them out as a square
 * matrix of rows, each {@code sqrt(limit)} numbers wide. The rows come from {@link Gatherers#windowFixed},
 * which Java 24 added: this class only loads on Java 25, so it only runs in the modern twin.
 *
 * <p>Implements a JDK interface, so the demo (compiled for 17) can use it without knowing this class:
 * its {@code PrimeSieve} loads it by name inside the twin.
 */
public final class GatheringSieve implements IntFunction<byte[][]> {

    /** One row per {@code sqrt(limit)} numbers; 1 where the number is prime, 0 elsewhere. */
    @Override
    public byte[][] apply(int limit) {
        byte[] factors = countFactors(limit);
        int width = Math.max(1, (int) Math.sqrt(limit));
        return IntStream.range(0, limit)
                .mapToObj(n -> factors[n] == 0 ? (byte) 1 : (byte) 0)
                .gather(Gatherers.windowFixed(width))
                .map(GatheringSieve::row)
                .toArray(byte[][]::new);
    }

    /** As cpy2py does: 0 and 1 start marked, each prime marks its multiples; a prime is left at 0. */
    private static byte[] countFactors(int limit) {
        byte[] factors = new byte[limit + 1];
        factors[0] = 1;
        if (limit > 0) {
            factors[1] = 1;
        }
        for (int value = 2; (long) value * value <= limit; value++) {
            if (factors[value] == 0) {
                for (int multiple = value * value; multiple <= limit; multiple += value) {
                    factors[multiple] = 1;
                }
            }
        }
        return factors;
    }

    private static byte[] row(List<Byte> window) {
        byte[] row = new byte[window.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = window.get(i);
        }
        return row;
    }
}
