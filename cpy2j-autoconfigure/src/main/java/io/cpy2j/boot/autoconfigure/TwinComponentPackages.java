package io.cpy2j.boot.autoconfigure;

import java.util.List;

/**
 * The packages {@code @EnableTwins} chose to scan for {@code @TwinComponent} classes. Its presence tells
 * the auto-configuration not to scan the application's packages as well.
 */
public record TwinComponentPackages(List<String> packages) {

    static final String BEAN_NAME = "cpy2jTwinComponentPackages";
}
