package io.cpy2j.boot.autoconfigure.diagnostics;

import io.cpy2j.boot.autoconfigure.TwinSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A twin setting that cannot work: no JDK of that version, a java-home that is not a JDK, a negative timeout. */
final class TwinSettingsFailureAnalyzer extends AbstractFailureAnalyzer<TwinSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TwinSettingsException cause) {
        String description = String.format("Twin '%s' cannot start with its settings:%n%n    Property: %s%n"
                + "    Value: %s%n    Problem: %s", cause.getTwinId(), cause.getProperty(), cause.getValue(),
                cause.getProblem());
        return new FailureAnalysis(description, cause.getAction(), cause);
    }
}
