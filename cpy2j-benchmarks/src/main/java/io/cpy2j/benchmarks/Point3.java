package io.cpy2j.benchmarks;

import java.io.Serializable;

/**
 * A small value for the record round trip. Serializable only for RMI: cpy2j copies records through
 * Jackson and ignores the marker.
 */
public record Point3(int x, int y, String label) implements Serializable {
}
