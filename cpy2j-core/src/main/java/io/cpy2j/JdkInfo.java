package io.cpy2j;

import java.nio.file.Path;

/**
 * An installed JDK as cpy2j sees it, read from its {@code release} file: what a twin can run on.
 *
 * @param home           the JDK's top folder (the one holding {@code bin/java} and {@code release})
 * @param featureVersion 8, 17, 21, 25 ...
 * @param version        the full version, such as {@code 17.0.15}
 * @param vendor         the implementor, such as {@code Eclipse Adoptium}; {@code unknown} when not given
 */
public record JdkInfo(Path home, int featureVersion, String version, String vendor) {

    @Override
    public String toString() {
        return version + " (" + vendor + ") at " + home;
    }
}
