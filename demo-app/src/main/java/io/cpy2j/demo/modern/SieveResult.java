package io.cpy2j.demo.modern;

/**
 * A sieve's outcome, sent by value from the modern twin to the master, which draws it.
 *
 * @param limit       the numbers sieved are 0 to limit - 1
 * @param rows        cpy2py's {@code xy_matrix}: rows of {@code sqrt(limit)} cells, 1 for a prime
 * @param primes      how many primes were found
 * @param javaVersion the Java version of the runtime that sieved
 * @param javaVendor  its vendor
 * @param nanos       how long the sieve took there
 */
public record SieveResult(int limit, byte[][] rows, int primes, String javaVersion, String javaVendor, long nanos) {
}
