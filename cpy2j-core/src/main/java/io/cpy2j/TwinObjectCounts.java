package io.cpy2j;

/**
 * Objects shared with one twin, as this master sees them.
 *
 * @param proxies  live proxies here for objects that live in the twin
 * @param exported objects of this master that the twin holds references to
 */
public record TwinObjectCounts(int proxies, int exported) {
}
