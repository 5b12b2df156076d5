package io.cpy2j.demo.modern;

import io.cpy2j.boot.TwinComponent;
import java.util.function.IntFunction;

/**
 * cpy2py's {@code prime_sieve}, pinned to the modern twin. The sieve itself is Java 25 code
 * ({@code io.cpy2j.jdk25.GatheringSieve} in module demo-modern), which a Java 17 master could not even load:
 * this bean, compiled for 17 so the master can make its proxy, loads it by name inside the twin.
 */
@TwinComponent(twin = "modern")
public class PrimeSieve {

    static final String MODERN_SIEVE = "io.cpy2j.jdk25.GatheringSieve";

    /** Sieves the numbers below {@code limit}; what ran it and how long it took travel with the rows. */
    public SieveResult sieve(int limit) {
        IntFunction<byte[][]> sieve = modernSieve();
        long started = System.nanoTime();
        byte[][] rows = sieve.apply(limit);
        long nanos = System.nanoTime() - started;
        return new SieveResult(limit, rows, countPrimes(rows), Runtime.version().toString(),
                System.getProperty("java.vendor"), nanos);
    }

    /** Why the Java 25 code cannot run here, or null when it can. */
    public String unavailableReason() {
        try {
            modernSieve();
            return null;
        } catch (ModernUnavailableException e) {
            return e.getMessage();
        }
    }

    @SuppressWarnings("unchecked")
    private static IntFunction<byte[][]> modernSieve() {
        try {
            return (IntFunction<byte[][]>) Class.forName(MODERN_SIEVE).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ModernUnavailableException("the modern twin is unavailable: its Java 25 code was not built "
                    + "(no JDK 25 was found when the demo was built); this twin runs Java " + Runtime.version());
        } catch (UnsupportedClassVersionError e) {
            throw new ModernUnavailableException("the modern twin is unavailable: its code needs Java 25, "
                    + "but this twin runs Java " + Runtime.version() + " (the JDK it asked for is not installed)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make " + MODERN_SIEVE, e);
        }
    }

    private static int countPrimes(byte[][] rows) {
        int primes = 0;
        for (byte[] row : rows) {
            for (byte cell : row) {
                primes += cell;
            }
        }
        return primes;
    }
}
