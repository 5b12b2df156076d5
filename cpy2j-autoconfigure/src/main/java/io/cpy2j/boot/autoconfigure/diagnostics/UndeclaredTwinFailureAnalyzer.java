package io.cpy2j.boot.autoconfigure.diagnostics;

import io.cpy2j.boot.autoconfigure.UndeclaredTwinException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A {@code @TwinComponent} names a twin nobody declared: lists the twins that are. */
final class UndeclaredTwinFailureAnalyzer extends AbstractFailureAnalyzer<UndeclaredTwinException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UndeclaredTwinException cause) {
        String declared = cause.getDeclaredTwins().isEmpty() ? "none (cpy2j.twins is empty)"
                : String.join(", ", cause.getDeclaredTwins());
        String description = String.format("@TwinComponent %s names twin '%s', which is not declared.%n%n"
                + "Declared twins: %s", cause.getComponentClass(), cause.getTwinId(), declared);
        String action = "Declare the twin under cpy2j.twins, for example cpy2j.twins." + cause.getTwinId()
                + ".java-version: 25, or name a declared twin in @TwinComponent(twin = ...).";
        return new FailureAnalysis(description, action, cause);
    }
}
